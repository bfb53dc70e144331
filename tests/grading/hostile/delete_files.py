# problem: prune-weights
# expect: verdict=accepted
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import glob
import os
import shutil


def prune_weights(weights, threshold):
    open('mine.txt', 'w').write('scratch')
    os.remove('mine.txt')  # its own directory: allowed
    for target in ['{{SENTINEL_DIR}}/keep.txt', '{{PROBLEMS_DIR}}/prune-weights/cases.py']:
        try:
            os.remove(target)
        except OSError:
            pass
    for tree in ['{{SENTINEL_DIR}}', '{{PROBLEMS_DIR}}', '{{SOLUTIONS_DIR}}']:
        shutil.rmtree(tree, ignore_errors=True)
    for path in glob.glob('/tmp/*'):
        try:
            os.remove(path)
        except OSError:
            pass
    return _prune(weights, threshold)
