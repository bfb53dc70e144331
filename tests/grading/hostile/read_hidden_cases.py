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
    # Its own pid namespace: only the sandbox's init (pid 1), the runner waiting for the
    # next test, and itself are visible, and it cannot look inside the other two.
    visible = [p for p in os.listdir('/proc') if p.isdigit()]
    if len(visible) > 3:
        leaks.append('sees %d processes' % len(visible))
    for pid in visible:
        if pid == str(os.getpid()):
            continue
        try:
            with open('/proc/%s/environ' % pid, 'rb') as f:
                if f.read():
                    leaks.append('read the environment of pid ' + pid)
        except OSError:
            pass
    if leaks:
        raise RuntimeError('LEAK: ' + '; '.join(leaks))
    return _prune(weights, threshold)
