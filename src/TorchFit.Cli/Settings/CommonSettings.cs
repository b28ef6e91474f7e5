using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Devices;
using TorchFit.Results;

namespace TorchFit.Cli.Settings;

/// <summary>Options every verb takes.</summary>
internal class CommonSettings : CommandSettings
{
    [CommandOption("--device <DEVICE>")]
    [Description("Where tensors live: auto, cpu, cuda or cuda:N. auto picks CUDA when available, else the CPU.")]
    [DefaultValue("auto")]
    public string Device { get; set; } = "auto";

    [CommandOption("--threads <N>")]
    [Description("libtorch intra-op threads. Defaults to 1 for problems under 1,000,000 entries (faster there), else all cores. In sweep, also the threads the batched engine splits a group of ≥ 32 configurations over (default: one per core, ≥ 16 configurations each).")]
    public int? Threads { get; set; }

    [CommandOption("--out <DIR>")]
    [Description("Directory for results (JSON, CSV, plots). Defaults to results/<verb>; for sweep, a new results/sweep-<yyyyMMdd-HHmmss>.")]
    public string? Out { get; set; }

    [CommandOption("--no-plots")]
    [Description("Write no PNG/SVG charts: quicker for short runs and scripts. lstsq draws none.")]
    public bool NoPlots { get; set; }

    [CommandOption("--force")]
    [Description("Clear --out first when it holds an earlier run of another verb (or a different sweep). Without it such a directory is refused; a rerun of the same verb replaces its own files, and a sweep resumes.")]
    public bool Force { get; set; }

    [CommandOption("--json")]
    [Description("Print the summary as JSON on stdout instead of a table (progress goes to stderr).")]
    public bool Json { get; set; }

    public override ValidationResult Validate()
    {
        if (!ComputeDevice.IsWellFormed(Device))
            return ValidationResult.Error($"--device: unknown device '{Device}' (expected one of: {ComputeDevice.Choices})");
        if (Threads is < 1)
            return ValidationResult.Error($"--threads must be ≥ 1, got {Threads}");
        if (Out is not null && string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out must name a directory");
        return ValidationResult.Success();
    }

    /// <summary>
    /// Checks, creates and locks --out (or results/VERB) before any work: a file, a dangling link, a
    /// read-only or locked directory, or one holding an earlier run of another verb is refused here.
    /// </summary>
    public ResultDirectory OpenOut(string verb, string? defaultDirectory = null) =>
        OpenResultDirectory(Out ?? defaultDirectory ?? Path.Combine("results", verb), verb, Force);

    /// <summary><see cref="ResultDirectory.Open"/>, with the message naming --force where it would help.</summary>
    public static ResultDirectory OpenResultDirectory(string path, string verb, bool force, bool offerForce = true) =>
        ExplainOccupied(() => ResultDirectory.Open(path, verb, force), offerForce);

    /// <summary>Runs <paramref name="work"/>; a directory that holds another run is reported in flag terms (--out, --force).</summary>
    public static T ExplainOccupied<T>(Func<T> work, bool offerForce = true)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (InvalidInputException e) when (e.Data.Contains(ResultDirectory.OccupiedKey))
        {
            throw new InvalidInputException($"--out {e.Message}" + (offerForce ? ", or give --force to clear it" : ""), e);
        }
    }
}
