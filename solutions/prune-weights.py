import torch


def prune_weights(weights: torch.Tensor, threshold: float) -> torch.Tensor:
    if threshold < 0:
        raise ValueError("threshold must be non-negative")
    keep = weights.abs() >= threshold
    return torch.where(keep, weights, torch.zeros_like(weights))
