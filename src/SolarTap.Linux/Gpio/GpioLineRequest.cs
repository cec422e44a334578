namespace SolarTap.Linux.Gpio;

/// <summary>How to request one line (the parts of struct gpio_v2_line_config the appliance uses).</summary>
/// <param name="Output">An output; otherwise an input.</param>
/// <param name="ActiveLow">The line is active (logical 1) when low: the kernel inverts values and edges.</param>
/// <param name="InitialValue">For an output: its logical value from the moment it is requested.</param>
/// <param name="PullUp">For an input: enable the internal pull-up (a button to ground).</param>
/// <param name="RisingEdge">For an input: report rising edges (of the logical value) as events.</param>
/// <param name="Debounce">For an input: the kernel's debounce period (GPIO_V2_LINE_ATTR_ID_DEBOUNCE); zero for none.</param>
public sealed record GpioLineRequest(
    bool Output,
    bool ActiveLow = false,
    bool InitialValue = false,
    bool PullUp = false,
    bool RisingEdge = false,
    TimeSpan Debounce = default);
