# problem: info-nce
# expect: verdict=not_vectorized vectorized=bad
import torch


def info_nce(queries, keys, temperature, symmetric=False):
    """Right answers, one row of the similarity matrix at a time."""
    if queries.dim() != 2 or queries.shape != keys.shape or len(queries) == 0:
        raise ValueError("shapes")
    if temperature <= 0:
        raise ValueError("temperature")
    q = queries / queries.norm(dim=1, keepdim=True).clamp_min(1e-12)
    k = keys / keys.norm(dim=1, keepdim=True).clamp_min(1e-12)
    n = len(q)

    def direction(a, b):
        total = torch.zeros((), dtype=a.dtype)
        for i in range(n):
            row = (b @ a[i]) / temperature
            total = total + torch.logsumexp(row, dim=0) - row[i]
        return total / n

    loss = direction(q, k)
    return (loss + direction(k, q)) / 2 if symmetric else loss
