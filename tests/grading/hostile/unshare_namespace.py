# problem: prune-weights
# expect: verdict=accepted
# A user namespace of its own would give the submission every capability inside it, enough
# to mount over what the sandbox hides; ptrace and io_uring would reach past the filter.
import ctypes
import os

import torch

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
CLONE_NEWUSER, CLONE_NEWNS = 0x10000000, 0x00020000


def prune_weights(weights, threshold):
    reached = []
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0:
        reached.append('unshare')
    if libc.syscall(425, 8, ctypes.create_string_buffer(120)) >= 0:  # io_uring_setup (x86-64)
        reached.append('io_uring')
    if libc.syscall(101, 16, os.getppid(), 0, 0) == 0:  # ptrace(PTRACE_ATTACH) on x86-64
        reached.append('ptrace')
    if libc.mount(b'tmpfs', b'/tmp', b'tmpfs', 0, None) == 0:
        reached.append('mount')
    if reached:
        raise RuntimeError('ESCAPED: ' + '; '.join(reached))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
