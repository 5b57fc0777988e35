#pragma once
// Frames for the robustness tests, kept out of the test source (moc does not read raw strings).

#include <QByteArray>

namespace ringside::test::frames {

inline const QByteArray kForeignStreamMedia = R"({"event":"media","sequenceNumber":"9","streamSid":"MZsomeoneelse","media":{"track":"inbound","chunk":"1","timestamp":"0","payload":"//////////8="}})";
inline const QByteArray kUnknownEvent = R"({"event":"teleport","streamSid":"MZbad"})";
inline const QByteArray kBadBase64Media = R"({"event":"media","sequenceNumber":"10","streamSid":"MZbad","media":{"payload":"%%%not base64%%%"}})";
inline const QByteArray kSecondStart = R"({"event":"start","streamSid":"MZbad","start":{"streamSid":"MZbad","callSid":"CAbad2","mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}})";
inline const QByteArray kMediaBeforeStart = R"({"event":"media","streamSid":"MZx","media":{"payload":"AAAA"}})";
inline const QByteArray kStartWithoutSid = R"({"event":"start","start":{"callSid":"CA1"}})";
inline const QByteArray kSnapshotCommand = R"({"command":"snapshot"})";

} // namespace ringside::test::frames
