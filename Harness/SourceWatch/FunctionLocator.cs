using System.Text.RegularExpressions;

namespace OolSpecs.Harness.SourceWatch;

/// <summary>A function's definition (or a macro's #define lines) in one file: where it starts and its lines.</summary>
public sealed record FunctionBody(int StartLine, IReadOnlyList<string> Lines)
{
    public int EndLine => StartLine + Lines.Count - 1;

    public string Text => string.Join('\n', Lines);
}

/// <summary>
/// Finds where a C file defines a function: a line that starts at column 0 with the name (XNU
/// puts the return type on the line before) or with its return type and then the name, whose
/// parameter list is followed by a body, not by ';'. The body runs to its matching brace, found
/// past comments and literals; a '}' at column 0 ends it in any case, so braces left unbalanced
/// by #if branches cannot swallow the rest of the file.
/// </summary>
public static class FunctionLocator
{
    public static FunctionBody? Find(string source, SourceFunction function) =>
        function.Kind == SourceSymbolKind.Macro ? FindMacro(source, function.Name) : FindFunction(source, function.Name);

    public static FunctionBody? FindFunction(string source, string name)
    {
        var lines = source.Split('\n');
        var starts = LineStarts(source);
        var start = new Regex($@"^(?:[A-Za-z_][^;=(\n]*[ \t*])?{Regex.Escape(name)}\s*\(", RegexOptions.Multiline);
        foreach (Match match in start.Matches(source))
        {
            var open = match.Index + match.Length - 1;
            if (BodyAfterParameters(source, open) is { } brace && EndOfBody(source, brace) is { } close)
            {
                var first = LineOf(starts, match.Index);
                var last = LineOf(starts, close);
                return new FunctionBody(first + 1, lines[first..(last + 1)]);
            }
        }

        return null;
    }

    public static FunctionBody? FindMacro(string source, string name)
    {
        var lines = source.Split('\n');
        var define = new Regex($@"^\s*#\s*define\s+{Regex.Escape(name)}\b");
        var found = new List<string>();
        var first = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!define.IsMatch(lines[i]))
            {
                continue;
            }

            first = first < 0 ? i : first;
            found.Add(lines[i]);
            while (lines[i].TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                found.Add(lines[++i]);
            }
        }

        return first < 0 ? null : new FunctionBody(first + 1, found);
    }

    /// <summary>The '{' that opens the body after the parameter list opened at <paramref name="open"/>, or null for a declaration or a call.</summary>
    static int? BodyAfterParameters(string source, int open)
    {
        var depth = 0;
        var i = open;
        for (; i < source.Length; i = Next(source, i))
        {
            if (source[i] == '(')
            {
                depth++;
            }
            else if (source[i] == ')' && --depth == 0)
            {
                break;
            }
        }

        if (i >= source.Length)
        {
            return null;
        }

        // Between ')' and '{' only attributes may stand: words and their own parentheses.
        for (i = Next(source, i); i < source.Length; i = Next(source, i))
        {
            var c = source[i];
            if (c == '{')
            {
                return i;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (depth == 0 && !(char.IsWhiteSpace(c) || char.IsLetterOrDigit(c) || c == '_' || IsCommentStart(source, i)))
            {
                return null;
            }
        }

        return null;
    }

    static bool IsCommentStart(string s, int i) => s[i] == '/' && i + 1 < s.Length && s[i + 1] is '*' or '/';

    /// <summary>The '}' that closes the body opened at <paramref name="brace"/>.</summary>
    static int? EndOfBody(string source, int brace)
    {
        var depth = 0;
        for (var i = brace; i < source.Length; i = Next(source, i))
        {
            if (source[i] == '{')
            {
                depth++;
            }
            else if (source[i] == '}' && (--depth == 0 || (i > 0 && source[i - 1] == '\n')))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The index after the token at <paramref name="i"/>: comments and string or character literals are stepped over whole.</summary>
    static int Next(string s, int i)
    {
        if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '/')
        {
            var end = s.IndexOf('\n', i);
            return end < 0 ? s.Length : end;
        }

        if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '*')
        {
            var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return end < 0 ? s.Length : end + 2;
        }

        if (s[i] is '"' or '\'')
        {
            var quote = s[i];
            for (var j = i + 1; j < s.Length; j++)
            {
                if (s[j] == '\\')
                {
                    j++;
                }
                else if (s[j] == quote || s[j] == '\n')
                {
                    return j + 1;
                }
            }

            return s.Length;
        }

        return i + 1;
    }

    static List<int> LineStarts(string source)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    static int LineOf(List<int> starts, int index)
    {
        var line = starts.BinarySearch(index);
        return line >= 0 ? line : ~line - 1;
    }
}
