# problem: prune-weights
# expect: verdict=accepted
# needs: pty
# A terminal the sandbox's user owns (the interviewer's own terminal in pair mode): writing
# to it, or pushing keystrokes into it, must be impossible.
import fcntl
import glob
import os
import termios

import torch

PTY = '{{PTY}}'


def prune_weights(weights, threshold):
    reached = []
    for path in [PTY, '/dev/tty', '/dev/console', '/dev/ptmx'] + glob.glob('/dev/pts/*'):
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        except OSError:
            continue
        try:
            os.write(fd, b'\x1b[2J\x1b[HACCEPTED\r\n')
            reached.append('wrote to ' + path)
            fcntl.ioctl(fd, termios.TIOCSTI, b'x')
            reached.append('typed into ' + path)
        except OSError:
            pass
        os.close(fd)
    for fd in range(0, 3):  # none of the runner's own descriptors is a terminal
        if os.isatty(fd):
            reached.append(f'fd {fd} is a terminal')
    if reached:
        raise RuntimeError('ESCAPED: ' + '; '.join(reached))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
