namespace TorchFit.Tests.Cli;

/// <summary>A fact that drives the real CLI in a tmux terminal, skipped with a reason where tmux is not installed.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Terminal.Available) Skip = "tmux is not installed; it provides the terminals of fixed width these tests draw progress in";
    }
}
