# problem: conv2d
# expect: verdict=not_vectorized vectorized=bad
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, c_in, h, w = x.shape
    c_out, c_in_w, kh, kw = weight.shape
    if c_in != c_in_w or stride < 1 or padding < 0:
        raise ValueError("bad arguments")
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    if h_out < 1 or w_out < 1:
        raise ValueError("too small")
    xp = F.pad(x, (padding,) * 4)
    out = x.new_zeros((n, c_out, h_out, w_out))
    for i in range(h_out):  # one Python iteration per output pixel
        for j in range(w_out):
            patch = xp[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            out[:, :, i, j] = torch.einsum("ncab,ocab->no", patch, weight)
    if bias is not None:
        out += bias[None, :, None, None]
    return out
