using System.Text;
using ApprovalTests.Approvers;
using ApprovalTests.Core;
using ApprovalTests.Core.Exceptions;

namespace OolSpecs.Harness.Snapshots;

/// <summary>What ApprovalTests decided, in our own terms.</summary>
internal enum SeamOutcome
{
    Matched,
    Mismatched,
    ApprovedMissing,
}

internal sealed record SeamVerdict(SeamOutcome Outcome, string ApprovedPath, string ReceivedPath);

/// <summary>
/// The only place that touches ApprovalTests. It is used for its file protocol (write the
/// received file, compare with the approved one, delete the received file on success) through
/// <see cref="Approver.Verify"/> with our own namer, writer and reporter: never through
/// <c>Approvals.Verify</c>, which consults configured reporters and may launch diff tools.
/// </summary>
internal static class ApprovalTestsSeam
{
    /// <param name="familyDirectory">The running release's family folder: the received file goes there.</param>
    /// <param name="caseName">The case name, without suffix.</param>
    /// <param name="approvedPath">The located approved file, or null when no release has one.</param>
    /// <param name="text">The normalised observation ('\n' line endings, one final newline).</param>
    public static SeamVerdict Verify(string familyDirectory, string caseName, string? approvedPath, string text)
    {
        var namer = new ReleaseNamer(familyDirectory, caseName);
        var writer = new ReleaseWriter(text, approvedPath);
        var approver = new FileApprover(writer, namer, normalizeLineEndingsForTextFiles: true);
        var reporter = new SilentReporter();
        try
        {
            Approver.Verify(approver, reporter);
            return new SeamVerdict(SeamOutcome.Matched, approver.approved, approver.received);
        }
        catch (ApprovalMissingException missing)
        {
            return new SeamVerdict(SeamOutcome.ApprovedMissing, missing.Approved, missing.Received);
        }
        catch (ApprovalException mismatch)
        {
            return new SeamVerdict(SeamOutcome.Mismatched, mismatch.Approved, mismatch.Received);
        }
    }

    private sealed class ReleaseNamer(string sourcePath, string name) : IApprovalNamer
    {
        public string SourcePath { get; } = sourcePath;

        public string Name { get; } = name;
    }

    /// <summary>Received files always go under the running release; the approved file may be another release's.</summary>
    private sealed class ReleaseWriter(string text, string? locatedApproved) : IApprovalWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

        public string GetApprovalFilename(string basename) => locatedApproved ?? basename + SnapshotTree.ApprovedSuffix;

        public string GetReceivedFilename(string basename) => basename + SnapshotTree.ReceivedSuffix;

        public string WriteReceivedFile(string received)
        {
            var directory = Path.GetDirectoryName(received);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (!string.IsNullOrEmpty(directory))
                    {
                        Directory.CreateDirectory(directory);
                    }

                    File.WriteAllText(received, text, Utf8NoBom);
                    return received;
                }
                catch (DirectoryNotFoundException) when (attempt < 3)
                {
                    // A passing spec of another family removed an empty directory it had created; make it again.
                }
            }
        }
    }

    /// <summary>Reports nothing: the verdict comes back as a result, and no diff tool is ever opened.</summary>
    private sealed class SilentReporter : IApprovalFailureReporter
    {
        public void Report(string approved, string received)
        {
        }
    }
}
