namespace SolarTap.Testing;

/// <summary>
/// A large capture of realistic traffic for throughput measurements: one inverter posting 0x0500 messages of
/// 30 packed optimizer records each, cut into 1448-byte segments, with the server's ACKs.
/// </summary>
public static class SyntheticSite
{
    /// <summary>A pcap of about <paramref name="approximateBytes"/> bytes.</summary>
    public static byte[] Capture(int approximateBytes)
    {
        var capture = new SyntheticCapture();
        ushort sequence = 1;
        uint time = 1_700_000_000;
        byte[] ack = new byte[22];
        while (capture.Length < approximateBytes)
        {
            byte[] post = SyntheticPosts.OptimizerPost(0x7F104920, sequence, optimizers: 30, time, variation: sequence);
            capture.FromInverter(post);
            if (sequence % 8 == 0)
            {
                capture.FromServer(ack);
            }

            sequence++;
            time += 300;
        }

        return capture.ToArray();
    }
}
