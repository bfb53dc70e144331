import torch


def pairwise_distances(x: torch.Tensor) -> torch.Tensor:
    # |a - b|^2 = |a|^2 + |b|^2 - 2 a.b: one matrix product instead of an (n, n, d) tensor.
    sq = (x * x).sum(dim=1)
    d2 = sq[:, None] + sq[None, :] - 2.0 * (x @ x.T)
    return d2.clamp_min(0.0).sqrt()
