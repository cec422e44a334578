using System.CommandLine;
using System.Text;
using SolarTap.Cli;
using SolarTap.Supervisor.Web;

namespace SolarTap.Commands;

/// <summary><c>solartap web hash-password</c>: makes the <c>web.password_hash</c> value for solartap.yaml (docs/web.md).</summary>
internal static class WebCommand
{
    public static Command Create() => new("web", "Helpers for the appliance's web page.") { HashPassword() };

    private static Command HashPassword()
    {
        var command = new Command("hash-password",
            "Read a password (asked for without echo on a terminal, else the first line of standard input) and print its hash " +
            "for web.password_hash in solartap.yaml. The password itself is stored nowhere.");
        command.SetAction(_ =>
        {
            string password = Console.IsInputRedirected ? Console.In.ReadLine() ?? "" : Prompt();
            if (password.Length == 0)
            {
                throw new UserError("expected a password, found an empty one");
            }

            Console.WriteLine(WebPassword.Hash(password));
            return 0;
        });
        return command;
    }

    private static string Prompt()
    {
        Console.Error.Write("Password: ");
        var text = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
