using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>
/// Off a terminal (a file, a pipe, a CI log) draws its content at the width the content needs, so
/// no sentence is broken mid-line and no table squeezed; on a terminal it keeps the terminal's width.
/// </summary>
public sealed class Unwrapped(IRenderable content) : IRenderable
{
    /// <summary>Wider than any line a snapshot holds: the widest table decides, not the console.</summary>
    const int Unlimited = 1 << 15;

    public Measurement Measure(RenderOptions options, int maxWidth) => content.Measure(options, Width(options, maxWidth));

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => content.Render(options, Width(options, maxWidth));

    static int Width(RenderOptions options, int maxWidth) => options.Capabilities.Interactive ? maxWidth : Unlimited;
}
