using System.Text;
using ScottPlot;
using TorchFit.IO;

namespace TorchFit.Plotting;

/// <summary>What every chart shares: the sans-serif face, the format check and the atomic PNG/SVG write.</summary>
internal static class ChartOutput
{
    /// <summary>
    /// A common sans-serif face this machine has, or null to keep ScottPlot's default. Font lookups fall back to the
    /// system default (a serif face on some Linux machines) for unknown names, so a candidate counts only if the face
    /// found has its name.
    /// </summary>
    internal static readonly Lazy<string?> SansFont = new(() =>
        Array.Find(
            ["Segoe UI", "Helvetica", "Arial", "DejaVu Sans", "Liberation Sans", "Noto Sans"],
            name => string.Equals(Fonts.GetTypeface(name, false, false)?.FamilyName, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>True for a <c>.svg</c> path, false for <c>.png</c> (any case); any other extension is rejected.</summary>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    internal static bool IsSvg(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string shown = extension.Length == 0 ? "(none)" : $"'{extension}'";
        throw new ArgumentException(
            $"Unsupported chart file extension {shown} in '{path}': use .png or .svg.", nameof(path));
    }

    /// <summary>Renders <paramref name="plot"/> and writes it atomically to <paramref name="path"/> as SVG or PNG.</summary>
    internal static void Write(Plot plot, string path, bool svg, int width, int height)
    {
        if (svg)
        {
            string xml = plot.GetSvgXml(width, height);
            AtomicFile.Write(path, temp => File.WriteAllText(temp, xml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        }
        else
        {
            byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
            AtomicFile.Write(path, temp => File.WriteAllBytes(temp, png));
        }
    }
}
