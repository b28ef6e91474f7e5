using TorchFit.Diagnostics;

namespace TorchFit.Cli.Output;

/// <summary>diagnosis.json: the diagnosis' fields at the top level, plus the verification if one ran.</summary>
internal sealed record DiagnoseDocument(Diagnosis Diagnosis, VerificationSummary? Verification)
{
    public string ProblemName => Diagnosis.ProblemName;
    public double[] SingularValues => Diagnosis.Spectrum.SingularValues;
    public double LambdaMax => Diagnosis.Spectrum.LambdaMax;
    public double LambdaMin => Diagnosis.Spectrum.LambdaMin;
    public double Kappa => Diagnosis.Spectrum.Kappa;
    public double StableLearningRateLimit => Diagnosis.Spectrum.StableLearningRateLimit;
    public double OptimalLearningRate => Diagnosis.Spectrum.OptimalLearningRate;
    public IReadOnlyList<SettingAnalysis> Settings => Diagnosis.Settings;
}

/// <summary>The verification's figures (the curves themselves are in the plot).</summary>
internal sealed record VerificationSummary(int Epochs, double LargestRelativeGap, bool Exact, double PredictedFinalMse, double MeasuredFinalMse);
