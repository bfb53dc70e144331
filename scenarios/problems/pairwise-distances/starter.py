import torch


def pairwise_distances(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError
