using System.Text.RegularExpressions;
using TorchFit.Cli.Settings;
using TorchFit.Training;

namespace TorchFit.Tests.Cli;

/// <summary>The library decides each verb's default engine; the command line's help only repeats it.</summary>
public class EngineDefaultsCliTests
{
    public static TheoryData<string, TrainingEngine> Verbs => new()
    {
        { "train", EngineDefaults.Train },
        { "reproduce", EngineDefaults.Reproduce },
        { "solve", EngineDefaults.Solve },
        { "diagnose", EngineDefaults.Diagnose },
        { "sweep", EngineDefaults.Sweep },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Should_State_The_Library_Default_Engine_In_Help(string verb, TrainingEngine expected)
    {
        // When a verb's help is shown
        var outcome = CliRunner.Run(verb, "--help");

        // Then its --engine text names the library's default for that verb
        string help = Regex.Replace(outcome.Console, @"\s+", " ");
        var stated = Regex.Match(help, @"--engine <ENGINE> .*?Default: (\w+)");
        Assert.True(stated.Success, $"{verb} --help has no 'Default:' for --engine");
        Assert.Equal(EngineOption.Name(expected), stated.Groups[1].Value);
    }

    [Fact]
    public void Should_Leave_The_Engine_To_The_Library_When_None_Is_Given()
    {
        // Given train settings without --engine, when they become library options
        var options = new TrainSettings().ToOptions();

        // Then the engine is left unset, so the library's default (the Keras mirror for train) applies
        Assert.Null(options.Engine);
        Assert.Equal(TrainingEngine.Keras, EngineDefaults.Train);
    }
}
