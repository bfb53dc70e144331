# problem: prune-weights
# expect: verdict=accepted
# needs: tmux
# The user's tmux server (same uid as the sandbox on the unprivileged path): any client
# that reaches its socket can run commands as that user, outside the sandbox.
import os
import socket
import subprocess

import torch

SOCKET = '{{TMUX_SOCKET}}'
MARKER = '{{TMUX_MARKER}}'


def prune_weights(weights, threshold):
    reached = []
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(SOCKET)
        reached.append('connected to the tmux socket')
    except OSError:
        pass
    for tmux in ('/usr/bin/tmux', '/bin/tmux', 'tmux'):
        try:
            subprocess.run([tmux, '-S', SOCKET, 'run-shell', f'touch {MARKER}'],
                           timeout=5, capture_output=True)
        except (OSError, subprocess.SubprocessError):
            pass
    if os.path.exists(MARKER):
        reached.append('ran a command through tmux')
    if reached:
        raise RuntimeError('ESCAPED: ' + '; '.join(reached))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
