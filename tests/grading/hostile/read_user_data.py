# problem: prune-weights
# expect: verdict=accepted
import glob
import os

import torch


def prune_weights(weights, threshold):
    # The session database (named by MOCKINT_DB or by --db) and the user's data directory
    # must be out of sight.
    leaks = []
    for path in ['{{DB}}', '{{DB_FLAG}}', '{{DATA_DIR}}/secret.txt'] + glob.glob('{{DATA_DIR}}/*'):
        try:
            with open(path, 'rb') as f:
                leaks.append(path + ': ' + repr(f.read(20)))
        except OSError:
            pass
    if leaks:
        raise RuntimeError('LEAK: ' + '; '.join(leaks))
    if threshold < 0:
        raise ValueError("negative")
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
