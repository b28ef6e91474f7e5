namespace TorchFit.Problems;

/// <summary>What is done with a problem, for <see cref="ProblemMemory"/>'s estimate of the memory it takes.</summary>
public enum ProblemWork
{
    /// <summary>Holding A and b in float64 while a file is read or a problem generated.</summary>
    Reading,

    /// <summary><c>torch.linalg.lstsq</c> in float64 (the lstsq verb).</summary>
    LeastSquares,

    /// <summary>The SVD of A and what is derived from it (diagnose, sweep, problem info).</summary>
    Decomposition,

    /// <summary>One training run in the training dtype (train).</summary>
    Training,

    /// <summary>The SVD, lstsq and the prescribed, compared and L-BFGS runs of solve, held together.</summary>
    Solving,
}
