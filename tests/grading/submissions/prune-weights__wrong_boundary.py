# problem: prune-weights
# expect: verdict=wrong_answer
import torch


def prune_weights(weights, threshold):
    if threshold < 0:
        raise ValueError("negative")
    return torch.where(weights.abs() <= threshold, torch.zeros_like(weights), weights)
