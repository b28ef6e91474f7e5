using System.ComponentModel;
using Spectre.Console.Cli;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit lstsq</c>.</summary>
internal sealed class LstsqSettings : ProblemSettings
{
    [CommandOption("--use-bias")]
    [Description("Fit an intercept too, as a model with a bias (train --use-bias) does: lstsq on [[A 1]]; x.csv holds the d weights, the summary the intercept.")]
    public bool UseBias { get; set; }
}
