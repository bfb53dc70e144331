# problem: prune-weights
# expect: verdict=wrong_answer
# A class of its own named ValueError is not the built-in ValueError (`except ValueError`
# would not catch it): exception types are compared by identity, not by name.
import torch


class ValueError(Exception):
    pass


def prune_weights(weights, threshold):
    if threshold < 0:
        raise ValueError('negative threshold')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
