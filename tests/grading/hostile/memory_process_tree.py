# problem: prune-weights
# expect: verdict=memory_limit
# expect-one-process: verdict=runtime_error
# Twelve children of 200 MB each: each is below the 256 MB limit, together they are ten
# times over it. With a cgroup the tree is counted as one (memory limit); where none can be
# made the sandbox allows one process only, so the first fork fails (runtime error).
import os
import time

import torch


def prune_weights(weights, threshold):
    kids = []
    for _ in range(12):
        pid = os.fork()
        if pid == 0:
            block = bytearray(200 * 2**20)
            for i in range(0, len(block), 4096):
                block[i] = 1
            time.sleep(5)
            os._exit(0)
        kids.append(pid)
    for pid in kids:
        os.waitpid(pid, 0)
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
