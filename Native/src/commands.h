/*
 * Entry points of the subcommands, one per scenario. Each gets its own name
 * (for messages) and the words after it, and returns the exit status.
 */
#ifndef OOLPROBE_COMMANDS_H
#define OOLPROBE_COMMANDS_H

int platform_main(const char *command, int argc, char *argv[]);
int fork_cow_main(const char *command, int argc, char *argv[]);
int fork_inherit_main(const char *command, int argc, char *argv[]);
int second_view_main(const char *command, int argc, char *argv[]);
int ool_transfer_main(const char *command, int argc, char *argv[]);
/* Hidden: the receiver process that ool-transfer starts. */
int ool_receiver_main(const char *command, int argc, char *argv[]);

#endif
