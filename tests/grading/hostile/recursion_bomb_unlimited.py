# problem: prune-weights
# expect: verdict=runtime_error
import sys

import torch

sys.setrecursionlimit(10**8)


def prune_weights(weights, threshold):
    nested = ()
    for _ in range(10**6):
        nested = (nested,)
    return hash(nested)  # recursion in C with no depth check: overflows the C stack (SIGSEGV)
