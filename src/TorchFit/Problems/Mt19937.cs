namespace TorchFit.Problems;

/// <summary>
/// The Mersenne Twister exactly as NumPy's legacy <c>RandomState</c> uses it, so that
/// <c>np.random.seed(s); np.random.random(k)</c> and this generator give the same doubles.
/// </summary>
/// <remarks>
/// <c>np.random.seed(int)</c> calls MT19937's <c>init_genrand</c>; <c>random()</c> is
/// <c>genrand_res53</c>: (a·2²⁶ + b) / 2⁵³ with a = next &gt;&gt; 5, b = next &gt;&gt; 6.
/// </remarks>
internal sealed class Mt19937
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _state = new uint[N];
    private int _index;

    public Mt19937(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < N; i++)
            _state[i] = unchecked(1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i);
        _index = N;
    }

    public uint NextUInt32()
    {
        if (_index >= N) Twist();
        uint y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A double in [0, 1) with 53 random bits (NumPy's <c>random_sample</c>).</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_state[i] & 0x80000000u) | (_state[(i + 1) % N] & 0x7fffffffu);
            uint next = _state[(i + M) % N] ^ (y >> 1);
            _state[i] = (y & 1u) != 0 ? next ^ 0x9908b0dfu : next;
        }
        _index = 0;
    }
}
