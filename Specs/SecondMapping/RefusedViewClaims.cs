using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.SecondMapping;

/// <summary>Second views the kernel refuses to make, with the code the source returns.</summary>
public static class RefusedViewClaims
{
    public static readonly Claim LinuxPrivateMremapRefused = new(Kernel.Linux,
        "mremap with old_size 0 of a private anonymous mapping is refused with EINVAL (there is no object to map twice), and the original is left as it was",
        KernelSource.Linux(LinuxFunctions.CheckPrepVma.Because("old_size 0 of a mapping neither VM_SHARED nor VM_MAYSHARE: -EINVAL")));

    public static readonly Claim XnuReadOnlyEntryRefused = new(Kernel.Xnu,
        "mapping a read-only memory entry with write asked is refused with KERN_INVALID_RIGHT, and the original is left as it was",
        KernelSource.Xnu(
            XnuFunctions.VmMapEnterMemObjectHelper.Because("a named entry whose protection lacks the asked cur_protection: KERN_INVALID_RIGHT").OnlyAt(XnuTags.Xnu10002),
            XnuFunctions.VmMapEnterMemObject.Because("the same check, in the function itself since the helper was folded in").OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417)));

    /// <summary>KERN_INVALID_RIGHT in mach/kern_return.h.</summary>
    public const int KernInvalidRight = 17;

    public static ClaimVerdict Refused(SecondViewRun run)
    {
        var xnu = run.Kernel == Kernel.Xnu;
        var last = run.Calls.LastOrDefault();
        var verdict = new ClaimVerdict(xnu ? XnuReadOnlyEntryRefused : LinuxPrivateMremapRefused)
            .Expect(last is { Done: false }, "the view was made")
            .Expect(xnu ? last?.KernReturn == KernInvalidRight : last?.Error == "EINVAL", $"the refusal is {last?.Error} ({last?.KernReturn}), not {(xnu ? "KERN_INVALID_RIGHT" : "EINVAL")}")
            .Expect(run.Writes.View.Tried == false, "a view that was not made was written");
        return verdict
            .Reads(run.Content.OriginalReadsBack, "the original", "its own write read back")
            .Reads(run.Content.OriginalKeepsOwn, "the original", "its own write at the end");
    }
}
