"""Writes data/reference/numpy-random-*.csv: NumPy's legacy generator output for fixed seeds.

Run with Debian's NumPy: /usr/bin/python3 tools/reference/make_numpy_vectors.py
Each file holds np.random.seed(seed); A = np.random.random((n, d)); b = np.random.random((n, 1))
as 'A' rows then a 'b' row, printed with repr precision (17 significant digits).
"""
import numpy as np

CASES = [(0, 2, 3), (1, 4, 5), (42, 3, 2), (4294967295, 2, 2)]

for seed, n, d in CASES:
    np.random.seed(seed)
    a = np.random.random((n, d))
    b = np.random.random((n, 1))
    path = f"data/reference/numpy-random-seed{seed}-{n}x{d}.csv"
    with open(path, "w") as f:
        f.write(f"# numpy {np.__version__}: np.random.seed({seed}); A = np.random.random(({n}, {d})); b = np.random.random(({n}, 1))\n")
        for row in a:
            f.write("A," + ",".join(repr(float(v)) for v in row) + "\n")
        f.write("b," + ",".join(repr(float(v)) for v in b[:, 0]) + "\n")
    print(path)
