using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Tests.Support;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>A wrong OOLSPECS_PROBE is blamed on the setting, not on oolprobe or the kernel.</summary>
public sealed class ProbeLocatorTests
{
    [Fact]
    public void A_setting_naming_no_file_says_so_and_how_to_fix_it()
    {
        var act = () => ProbeLocator.Locate("/nonexistent/oolprobe");

        act.Should().Throw<ProbeSettingException>().WithMessage("OOLSPECS_PROBE=/nonexistent/oolprobe names no file; unset it*");
    }

    [Fact]
    public void A_setting_naming_another_program_says_it_is_not_an_oolprobe()
    {
        using var other = new StandInProgram("other", "usage: other [-a] [file ...]", exitCode: 0);

        var act = () => ProbeLocator.Locate(other.Path);

        act.Should().Throw<ProbeSettingException>().WithMessage($"OOLSPECS_PROBE={other.Path} names a file that is not an oolprobe*unset it*");
    }

    [Fact]
    public void A_setting_naming_a_program_whose_help_fails_says_it_cannot_run_as_the_probe_with_its_exit_code()
    {
        // As BSD `ls --help` does on a Mac: --help is not an option there, so it exits 1.
        using var other = new StandInProgram("other", "other: unrecognized option `--help'", exitCode: 1);

        var act = () => ProbeLocator.Locate(other.Path);

        act.Should().Throw<ProbeSettingException>()
            .WithMessage($"OOLSPECS_PROBE={other.Path} names a file that cannot run as the probe (`--help`: it exited with 1)*unset it*");
    }

    [Fact]
    public void A_setting_naming_a_file_that_cannot_run_says_so()
    {
        var file = Path.GetTempFileName();
        try
        {
            var act = () => ProbeLocator.Locate(file);

            act.Should().Throw<ProbeSettingException>().WithMessage($"OOLSPECS_PROBE={file} names a file that cannot run as the probe*unset it*");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_setting_naming_an_oolprobe_is_used_as_it_is()
    {
        var built = ProbeLocator.Locate(null);

        ProbeLocator.Locate(built).Should().Be(built);
    }
}
