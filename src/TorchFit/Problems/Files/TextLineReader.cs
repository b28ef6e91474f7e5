using System.Globalization;
using System.Text;

namespace TorchFit.Problems.Files;

/// <summary>
/// Reads lines (ended by \n, \r\n or \r) as <see cref="TextReader.ReadLine"/> does, but refuses a
/// line longer than <see cref="MaxLineLength"/> characters instead of growing one string without
/// bound, as a file of gigabytes with no line break would make it.
/// </summary>
internal sealed class TextLineReader(TextReader reader, string path)
{
    /// <summary>16 Mi characters: a CSV row of about 800,000 numbers, far beyond a problem that fits.</summary>
    public const int MaxLineLength = 1 << 24;

    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _start, _end, _lineNumber;
    private bool _skipLineFeed;

    /// <summary>The next line without its line break, or null at the end of the text.</summary>
    public string? ReadLine()
    {
        _line.Clear();
        _lineNumber++;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = reader.Read(_buffer, 0, _buffer.Length);
                if (_end == 0) return _line.Length > 0 ? _line.ToString() : null;
            }
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == '\n') _start++;
                continue;
            }
            int stop = Array.FindIndex(_buffer, _start, _end - _start, c => c is '\n' or '\r');
            int take = (stop < 0 ? _end : stop) - _start;
            if (_line.Length + take > MaxLineLength)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{_lineNumber}: line longer than {MaxLineLength:N0} characters; is this a text file?"));
            _line.Append(_buffer, _start, take);
            if (stop < 0)
            {
                _start = _end;
                continue;
            }
            _skipLineFeed = _buffer[stop] == '\r';
            _start = stop + 1;
            return _line.ToString();
        }
    }
}
