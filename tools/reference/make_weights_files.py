"""Writes data/reference/files/weights-*: Dense(1) weights saved by NumPy itself, to test KerasWeights.

Run from the repository root with Debian's NumPy: /usr/bin/python3 tools/reference/make_weights_files.py
'weights-*' files load; each 'bad-weights-*' file must be refused with one line that names the file.
The values are chosen so that float32 rounds every one of them (0.1 and 1/3 are not float32 numbers).
"""
import os
import numpy as np

OUT = "data/reference/files"
os.makedirs(OUT, exist_ok=True)

kernel = np.array([[0.1], [-0.25], [1.0 / 3.0], [-1e-7], [12345.678]])   # (5, 1), as Keras' get_weights()[0]
bias = np.array([1.0 / 7.0])                                            # (1,), as Keras' get_weights()[1]


def savez(name, *positional, **arrays):
    path = os.path.join(OUT, name)
    np.savez(path, *positional, **arrays)
    print(path)


def save(name, array):
    path = os.path.join(OUT, name)
    np.save(path, array)
    print(path)


# Files that load.
savez("weights-float64-bias.npz", kernel=kernel, bias=bias)
savez("weights-float32-bias.npz", kernel=kernel.astype(np.float32), bias=bias.astype(np.float32))
savez("weights-float64.npz", kernel=kernel)
savez("weights-float32.npz", kernel=kernel.astype(np.float32))
savez("weights-bias-scalar.npz", kernel=kernel, bias=bias[0])  # bias of shape ()
path = os.path.join(OUT, "weights-compressed.npz")
np.savez_compressed(path, kernel=kernel[:, 0].astype(">f8"), bias=bias)  # deflated, big-endian, kernel (5,)
print(path)
save("weights-kernel-1d.npy", kernel[:, 0])
save("weights-kernel-float32.npy", kernel.astype(np.float32))

# Files that must be refused (for a problem of 5 columns).
savez("bad-weights-short.npz", kernel=np.zeros((4, 1)), bias=bias)
savez("bad-weights-no-kernel.npz", bias=bias)
savez("bad-weights-positional.npz", kernel, bias)             # np.savez(path, *layer.get_weights())
savez("bad-weights-extra.npz", kernel=kernel, bias=bias, momentum=kernel)
savez("bad-weights-bias-2.npz", kernel=kernel, bias=np.zeros(2))
nan = kernel.copy()
nan[3, 0] = np.nan
savez("bad-weights-nan.npz", kernel=nan)
