# problem: prune-weights
# expect: verdict=wrong_answer
import torch


def prune_weights(weights, threshold):
    if threshold < 0:
        raise ValueError("negative")
    weights[weights.abs() < threshold] = 0
    return weights
