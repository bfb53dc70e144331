# problem: pairwise-distances
# expect: verdict=wrong_answer
# Float64 results dressed up as float32 by patching Tensor.dtype: the judge reads the
# dtype from the returned data itself.
import torch



def pairwise_distances(x):
    x = x.double()
    d = torch.cdist(x, x)
    torch.Tensor.dtype = property(lambda self: torch.float32)
    return d
