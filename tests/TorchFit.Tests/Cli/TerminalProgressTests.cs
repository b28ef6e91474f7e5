using System.Text.RegularExpressions;

namespace TorchFit.Tests.Cli;

/// <summary>The live progress of the real CLI in real terminals of 40 to 120 columns (tmux).</summary>
public sealed partial class TerminalProgressTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _directory = new("torchfit-tmux-");
    private readonly Terminal _terminal = new();

    public void Dispose()
    {
        _terminal.Dispose();
        _directory.Dispose();
    }

    [TmuxFact]
    public void Should_Show_Epoch_Mse_Percentage_And_Eta_While_Training_At_Any_Width()
    {
        // Given train running in terminals 40, 60, 80 and 120 columns wide
        int[] widths = [40, 60, 80, 120];
        foreach (int w in widths)
            _terminal.Start($"train{w}", w, $"train --engine fused --epochs 60000 --out {_directory.Combine($"train{w}")}");

        foreach (int w in widths)
        {
            // When a frame with an estimate is on screen
            string screen = _terminal.WaitFor($"train{w}", s => LiveTrainLine().IsMatch(s) || s.Contains("exit=", StringComparison.Ordinal), Timeout);

            // Then it shows the epoch, the MSE, the percentage and the ETA, within the width
            var line = screen.Split('\n').FirstOrDefault(l => LiveTrainLine().IsMatch(l));
            Assert.True(line is not null, $"{w} columns: no live line with epoch, MSE, % and ETA in:\n{screen}");
            Assert.True(line.TrimEnd().Length < w, $"{w} columns: '{line}'");
        }
        foreach (int w in widths) AssertCleanFinish($"train{w}", w, "100%");
    }

    [TmuxFact]
    public void Should_Leave_One_Clean_Final_Sweep_Frame_In_The_Scrollback()
    {
        // Given sweeps in terminals 80 and 120 columns wide
        foreach (int w in new[] { 80, 120 })
            _terminal.Start($"sweep{w}", w, $"sweep --batch-sizes 8,200 --lrs 0.001,0.01 --epochs 4000 --out {_directory.Combine($"sweep{w}")}");

        // Then each ends with one whole line at 100 % and no line broken down the edge
        foreach (int w in new[] { 80, 120 }) AssertCleanFinish($"sweep{w}", w, "4/4 configurations");
    }

    private void AssertCleanFinish(string session, int width, string finalText)
    {
        string screen = _terminal.WaitFor(session, s => s.Contains("exit=", StringComparison.Ordinal), Timeout);
        Assert.Contains("exit=0", screen);
        var lines = _terminal.Capture(session, history: true).Split('\n').Select(l => l.TrimEnd()).ToList();
        var final = lines.Where(l => l.Contains("100%", StringComparison.Ordinal)).ToList();
        Assert.True(final.Count > 0 && final.Any(l => l.Contains(finalText, StringComparison.Ordinal)), $"{session}: no final frame with '{finalText}':\n{string.Join('\n', lines)}");
        Assert.All(final, l => Assert.True(l.Length < width, $"{session}: '{l}' reaches the last column"));
        // A wrapped frame leaves fragments such as "%" or "0" alone on a line.
        Assert.DoesNotContain(lines, l => l.Length is > 0 and <= 3);
    }

    [GeneratedRegex(@"epoch [\d,]+.*MSE \d\.\d\de-\d\d.*\d+% ETA \d")]
    private static partial Regex LiveTrainLine();
}
