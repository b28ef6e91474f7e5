namespace TorchFit.Diagnostics;

/// <summary>
/// Where rounding stops gradient descent in a given dtype (u = 2⁻²⁴ in float32, 2⁻⁵³ in float64),
/// for the solution x. Both ends are order-of-magnitude figures; measured floors fall between
/// them or within a factor of about 2 (the tests check that factor).
/// </summary>
/// <param name="Low">Rounding the weights alone: each wⱼ is off by about u·|xⱼ|, so the MSE cannot
/// go below ≈ u²·Σᵢⱼ aᵢⱼ²xⱼ²/n.</param>
/// <param name="High">Rounding each residual in the worst case: aᵢ·x − bᵢ is computed with an error
/// up to ≈ u·Σⱼ|aᵢⱼxⱼ|, and GD cannot see below it: ≈ u²·mean over i of (Σⱼ|aᵢⱼxⱼ|)².</param>
public readonly record struct FloorEstimate(double Low, double High);
