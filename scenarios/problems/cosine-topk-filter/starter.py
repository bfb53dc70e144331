import numpy as np


def cosine_top_k(
    queries: np.ndarray,
    embeddings: np.ndarray,
    categories: np.ndarray,
    allowed: list[int],
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    raise NotImplementedError
