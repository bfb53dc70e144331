# problem: prune-weights
# expect: verdict=runtime_error
# expect-output: a few words before leaving
# A small print, then os._exit: with a buffered stdout the words would never reach the
# pipe. The judge writes print output straight through, PYTHONUNBUFFERED or not (the
# test's judges run without it), so the candidate sees what the code printed.
import os

import torch


def prune_weights(weights, threshold):
    print('a few words before leaving')
    os._exit(3)
