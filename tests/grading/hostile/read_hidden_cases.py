# problem: prune-weights
# expect: verdict=accepted
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import os


def prune_weights(weights, threshold):
    leaks = []
    for path in ['{{PROBLEMS_DIR}}/prune-weights/cases.py', '{{SOLUTIONS_DIR}}/prune-weights.py',
                 '{{PROBLEMS_DIR}}/prune-weights/problem.toml']:
        try:
            with open(path) as f:
                leaks.append(path + ': ' + f.read(40))
        except OSError:
            pass
    # Its own pid namespace: only the sandbox's init (pid 1) and itself are visible.
    visible = [p for p in os.listdir('/proc') if p.isdigit()]
    if len(visible) > 2:
        leaks.append('sees %d processes' % len(visible))
    for pid in visible:
        try:
            with open('/proc/%s/environ' % pid, 'rb') as f:
                if pid == '1' and f.read():
                    leaks.append('read the environment of pid 1')
        except OSError:
            pass
    if leaks:
        raise RuntimeError('LEAK: ' + '; '.join(leaks))
    return _prune(weights, threshold)
