import torch


def info_nce(
    queries: torch.Tensor, keys: torch.Tensor, temperature: float, symmetric: bool = False
) -> torch.Tensor:
    raise NotImplementedError
