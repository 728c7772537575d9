using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Tests.Probe;

public sealed class ProbeJsonTests
{
    [Fact]
    public void Snake_case_keys_become_typed_fields()
    {
        var facts = ProbeJson.Parse<PlatformFacts>(
            """{"os":"macos","release":"15.1.1","kernel_release":"24.1.0","machine":"arm64","translated":false,"page_size":16384}""", "oolprobe platform");

        facts.Should().Be(new PlatformFacts("macos", "15.1.1", "24.1.0", "arm64", false, 16384));
    }

    [Fact]
    public void A_missing_key_is_an_error_that_names_the_command_and_the_fix()
    {
        var act = () => ProbeJson.Parse<PlatformFacts>("""{"os":"linux","release":"6.18"}""", "oolprobe platform");

        act.Should().Throw<ProbeException>().WithMessage("*`oolprobe platform`*out of step*dotnet build*");
    }

    [Fact]
    public void Output_that_is_not_json_is_quoted_in_the_error()
    {
        var act = () => ProbeJson.Parse<PlatformFacts>("Segmentation fault", "oolprobe platform");

        act.Should().Throw<ProbeException>().WithMessage("*Output began: Segmentation fault*");
    }
}
