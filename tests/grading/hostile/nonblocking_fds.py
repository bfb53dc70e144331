# problem: prune-weights
# expect: verdict=accepted
# O_NONBLOCK belongs to an open file description, shared by every descriptor dup'ed or
# inherited from it: set on the runner's pipes it would make later submissions' large
# writes fail. The test's canary (a correct submission printing 100 KB) must still pass.
import fcntl
import os

import torch


def prune_weights(weights, threshold):
    for fd in range(0, 64):
        try:
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        except OSError:
            pass
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
