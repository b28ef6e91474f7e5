namespace TorchFit.Tests.Cli;

public class CliValidationTests
{
    [Theory]
    [InlineData("--epochs", "-5", "--epochs must be ≥ 1")]
    [InlineData("--batch-size", "0", "--batch-size must be ≥ 1")]
    [InlineData("--lr", "0", "--lr must be a finite number > 0")]
    [InlineData("--lr", "-0.1", "--lr must be a finite number > 0")]
    [InlineData("--device", "tpu", "--device: unknown device 'tpu'")]
    [InlineData("--momentum", "1.5", "--momentum must be in [0, 1)")]
    [InlineData("--dtype", "float16", "--dtype must be float32 or float64")]
    [InlineData("--init", "zeros", "--init must be glorot or torch")]
    [InlineData("--n", "0", "--n must be ≥ 1")]
    [InlineData("--engine", "turbo", "--engine must be keras, fused or batched")]
    public void Should_Reject_Invalid_Train_Options_With_One_Line_And_Exit_Code_2(string option, string value, string message)
    {
        // Given an invalid option value, when train runs
        string outDir = Path.Combine(Path.GetTempPath(), "torchfit-cli-" + Guid.NewGuid().ToString("N"));
        var outcome = CliRunner.Run("train", option, value, "--out", outDir);

        // Then it exits 2 with one line naming the option, and writes nothing
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Should_Reject_Unknown_Options_And_Verbs_With_Exit_Code_2()
    {
        Assert.Equal(2, CliRunner.Run("train", "--bogus", "1").ExitCode);
        Assert.Equal(2, CliRunner.Run("frobnicate").ExitCode);
        Assert.Equal(2, CliRunner.Run("train", "--epochs", "many").ExitCode);
    }

    [Fact]
    public void Should_Reject_Nesterov_Without_Momentum()
    {
        var outcome = CliRunner.Run("train", "--nesterov");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--nesterov needs a momentum > 0", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reproduce", "--epochs")]
    [InlineData("train", "--batch-size")]
    [InlineData("lstsq", "--rows")]
    public void Should_Show_Help_With_Defaults(string verb, string option)
    {
        var outcome = CliRunner.Run(verb, "--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(option, outcome.Console, StringComparison.Ordinal);
        Assert.Contains("DEFAULT", outcome.Console, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_Accept_The_Questions_Short_Option_Names()
    {
        Assert.Equal("-n", TorchFit.Cli.TorchFitApp.ShortOptionAlias("--n"));
        Assert.Equal("-d=3", TorchFit.Cli.TorchFitApp.ShortOptionAlias("--d=3"));
        Assert.Equal("--dtype", TorchFit.Cli.TorchFitApp.ShortOptionAlias("--dtype"));
    }
}
