using System.Globalization;
using System.Text;

namespace TorchFit.Problems.Files;

/// <summary>
/// The subset of Python literal syntax that a .npy header uses (<c>repr</c> of a dict of strings,
/// booleans, integers, tuples and lists). Strings map to <see cref="string"/>, integers to
/// <see cref="long"/>, True/False to <see cref="bool"/>, None to null, tuples and lists to
/// <see cref="List{T}"/>, dicts to <see cref="Dictionary{TKey, TValue}"/> with string keys.
/// </summary>
internal sealed class PythonLiteral
{
    private const int MaxDepth = 32;
    private readonly string _text;
    private int _position;

    private PythonLiteral(string text) => _text = text;

    /// <summary>Parses one literal that fills <paramref name="text"/>; throws <see cref="FormatException"/> otherwise.</summary>
    public static object? Parse(string text)
    {
        var parser = new PythonLiteral(text);
        object? value = parser.Value(0);
        parser.SkipSpace();
        if (parser._position != text.Length) throw parser.Error("unexpected text after the literal");
        return value;
    }

    private object? Value(int depth)
    {
        if (depth > MaxDepth) throw Error("nested too deeply");
        SkipSpace();
        if (_position >= _text.Length) throw Error("unexpected end");
        char c = _text[_position];
        return c switch
        {
            '\'' or '"' => String(),
            '{' => Dict(depth),
            '(' => Sequence(')', depth),
            '[' => Sequence(']', depth),
            _ when c == '-' || c == '+' || char.IsAsciiDigit(c) => Integer(),
            _ => Word(),
        };
    }

    private Dictionary<string, object?> Dict(int depth)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        while (true)
        {
            SkipSpace();
            if (Peek() == '}') { _position++; return dict; }
            if (Value(depth + 1) is not string key) throw Error("dict keys must be strings");
            SkipSpace();
            Expect(':');
            dict[key] = Value(depth + 1);
            SkipSpace();
            if (Peek() == ',') _position++;
            else if (Peek() != '}') throw Error("expected ',' or '}'");
        }
    }

    private List<object?> Sequence(char close, int depth)
    {
        var items = new List<object?>();
        _position++;
        while (true)
        {
            SkipSpace();
            if (Peek() == close) { _position++; return items; }
            items.Add(Value(depth + 1));
            SkipSpace();
            if (Peek() == ',') _position++;
            else if (Peek() != close) throw Error($"expected ',' or '{close}'");
        }
    }

    private string String()
    {
        char quote = _text[_position++];
        var value = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            char c = _text[_position++];
            if (c == '\\' && _position < _text.Length) c = _text[_position++];   // headers hold no escapes worth decoding
            value.Append(c);
        }
        Expect(quote);
        return value.ToString();
    }

    private long Integer()
    {
        int start = _position;
        if (_text[_position] is '-' or '+') _position++;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
        if (_position < _text.Length && _text[_position] is 'L' or 'l') _position++;   // Python 2 longs: (200L, 300L)
        string digits = _text[start.._position].TrimEnd('L', 'l');
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Error($"'{digits}' is not an integer that fits in 64 bits");
    }

    private object? Word()
    {
        int start = _position;
        while (_position < _text.Length && char.IsAsciiLetter(_text[_position])) _position++;
        return _text[start.._position] switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            var word => throw Error(word.Length == 0 ? $"unexpected '{_text[start]}'" : $"unexpected '{word}'"),
        };
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"expected '{c}'");
        _position++;
    }

    private FormatException Error(string what) => new($"{what} at character {_position + 1}");
}
