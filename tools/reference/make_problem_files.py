"""Writes data/reference/files/: problem files saved by NumPy itself, to test TorchFit's readers.

Run from the repository root with Debian's NumPy: /usr/bin/python3 tools/reference/make_problem_files.py
'Good' files load; each 'bad-*' file must be refused with one line that names the file and array.
Unless said otherwise, A and b are np.random.seed(1); A = np.random.random((4, 5)); b = np.random.random((4, 1)).
"""
import os
import numpy as np

OUT = "data/reference/files"
os.makedirs(OUT, exist_ok=True)

np.random.seed(1)
A = np.random.random((4, 5))
b = np.random.random((4, 1))
ints = np.arange(20).reshape(4, 5) - 7          # -7 .. 12
bints = np.array([1, 2, 3, 4])


def savez(name, compressed=False, **arrays):
    path = os.path.join(OUT, name)
    (np.savez_compressed if compressed else np.savez)(path, **arrays)
    print(path)


def save(name, array):
    path = os.path.join(OUT, name)
    np.save(path, array)
    print(path)


# Files that load.
savez("seed1-float32.npz", A=A.astype(np.float32), b=b.astype(np.float32))
savez("seed1-fortran-b1d.npz", A=np.asfortranarray(A), b=b[:, 0])
savez("seed1-compressed.npz", compressed=True, A=A, b=b)
savez("seed1-bigendian.npz", A=A.astype(">f8"), b=b.astype(">f4"))
savez("ints-int64.npz", A=ints.astype(np.int64), b=bints.astype(np.int64))
savez("ints-int8-uint16.npz", A=ints.astype(np.int8), b=bints.astype(np.uint16).reshape(4, 1))
savez("ints-bool.npz", A=(ints % 2 == 0), b=bints.astype(np.uint8))
save("seed1-A.npy", A)
save("seed1-b.npy", b[:, 0])
save("seed1-A-float32-fortran.npy", np.asfortranarray(A.astype(np.float32)))
path = os.path.join(OUT, "seed1-savetxt-default.csv")
np.savetxt(path, np.hstack([A, b]))            # NumPy's defaults: spaces, %.18e, no header
print(path)

# Files that must be refused.
savez("bad-complex.npz", A=A.astype(np.complex128), b=b)
savez("bad-object.npz", A=np.array([[1, "x"], [2, None]], dtype=object), b=bints[:2])
savez("bad-unicode.npz", A=np.array([["1", "2"], ["3", "4"]]), b=bints[:2])
savez("bad-structured.npz", A=np.zeros((4, 5), dtype=[("x", "<f8")]), b=b)
savez("bad-missing-b.npz", A=A, c=b)
savez("bad-lowercase-a.npz", a=A, b=b)
savez("bad-rows-mismatch.npz", A=A, b=b[:3])
savez("bad-b-two-columns.npz", A=A, b=np.hstack([b, b]))
savez("bad-empty.npz", A=np.zeros((0, 5)), b=np.zeros((0,)))
savez("bad-A-1d.npz", A=A[0], b=b)
nan = A.copy()
nan[2, 3] = np.nan
savez("bad-nan.npz", A=nan, b=b)
inf = b.copy()
inf[1, 0] = np.inf
savez("bad-inf-b.npz", A=A, b=inf)
