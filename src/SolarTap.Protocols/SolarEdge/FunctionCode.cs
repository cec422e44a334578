namespace SolarTap.Protocols.SolarEdge;

/// <summary>
/// Function codes of the SolarEdge protocol (spec §2.2 and Appendix A). Names are semonitor's
/// <c>PROT_*</c> names in PascalCase; 0x003D and 0x0503, absent from semonitor's table, are named for their role.
/// </summary>
#pragma warning disable CA1028 // the wire type is u16
public enum FunctionCode : ushort
#pragma warning restore CA1028
{
    /// <summary>0x0503 session-key announcement R1‖R2‖2 bytes, sent in clear by the inverter (spec §4.1).</summary>
    ServerSessionKey = 0x0503,
    /// <summary>0x003D encrypted wrapper around one complete inner message (spec §4.4).</summary>
    EncryptedWrapper = 0x003D,
    /// <summary>0x0010 CMD_PARAMS_RESET (spec Appendix A).</summary>
    CmdParamsReset = 0x0010,
    /// <summary>0x0011 CMD_PARAMS_SET_SINGLE (spec Appendix A).</summary>
    CmdParamsSetSingle = 0x0011,
    /// <summary>0x0012 CMD_PARAMS_GET_SINGLE (spec Appendix A).</summary>
    CmdParamsGetSingle = 0x0012,
    /// <summary>0x0013 CMD_PARAMS_GET_INFO (spec Appendix A).</summary>
    CmdParamsGetInfo = 0x0013,
    /// <summary>0x0014 CMD_PARAMS_GET_NAME (spec Appendix A).</summary>
    CmdParamsGetName = 0x0014,
    /// <summary>0x0015 CMD_PARAMS_GET_NUM (spec Appendix A).</summary>
    CmdParamsGetNum = 0x0015,
    /// <summary>0x0016 CMD_PARAMS_GET_ALL (spec Appendix A).</summary>
    CmdParamsGetAll = 0x0016,
    /// <summary>0x0017 CMD_PARAMS_SET_ALL (spec Appendix A).</summary>
    CmdParamsSetAll = 0x0017,
    /// <summary>0x0018 CMD_PARAMS_SET_SINGLE_NOSAVE (spec Appendix A).</summary>
    CmdParamsSetSingleNosave = 0x0018,
    /// <summary>0x0019 CMD_PARAMS_SAVE (spec Appendix A).</summary>
    CmdParamsSave = 0x0019,
    /// <summary>0x001A CMD_PARAMS_POLICY_ENABLE (spec Appendix A).</summary>
    CmdParamsPolicyEnable = 0x001A,
    /// <summary>0x001B CMD_PARAMS_POLICY_DISABLE (spec Appendix A).</summary>
    CmdParamsPolicyDisable = 0x001B,
    /// <summary>0x001C CMD_PARAMS_POLICY_DISABLE_VOLATILE (spec Appendix A).</summary>
    CmdParamsPolicyDisableVolatile = 0x001C,
    /// <summary>0x001D CMD_PARAMS_SET_POLICY_PASSWORD (spec Appendix A).</summary>
    CmdParamsSetPolicyPassword = 0x001D,
    /// <summary>0x001E CMD_PARAMS_GET_VOLATILE (spec Appendix A).</summary>
    CmdParamsGetVolatile = 0x001E,
    /// <summary>0x001F CMD_PARAMS_SET_VOLATILE (spec Appendix A).</summary>
    CmdParamsSetVolatile = 0x001F,
    /// <summary>0x0020 CMD_UPGRADE_START (spec Appendix A).</summary>
    CmdUpgradeStart = 0x0020,
    /// <summary>0x0021 CMD_UPGRADE_WRITE (spec Appendix A).</summary>
    CmdUpgradeWrite = 0x0021,
    /// <summary>0x0022 CMD_UPGRADE_FINISH (spec Appendix A).</summary>
    CmdUpgradeFinish = 0x0022,
    /// <summary>0x0023 CMD_UPGRADE_READ_DATA (spec Appendix A).</summary>
    CmdUpgradeReadData = 0x0023,
    /// <summary>0x0024 CMD_UPGRADE_READ_SIZE (spec Appendix A).</summary>
    CmdUpgradeReadSize = 0x0024,
    /// <summary>0x0030 CMD_MISC_RESET (spec Appendix A).</summary>
    CmdMiscReset = 0x0030,
    /// <summary>0x0031 CMD_MISC_STOP (spec Appendix A).</summary>
    CmdMiscStop = 0x0031,
    /// <summary>0x0032 CMD_MISC_DUMMY (spec Appendix A).</summary>
    CmdMiscDummy = 0x0032,
    /// <summary>0x0033 CMD_MISC_GET_VER (spec Appendix A).</summary>
    CmdMiscGetVer = 0x0033,
    /// <summary>0x0034 CMD_MISC_GET_TYPE (spec Appendix A).</summary>
    CmdMiscGetType = 0x0034,
    /// <summary>0x0035 CMD_MISC_PAYLOAD (spec Appendix A).</summary>
    CmdMiscPayload = 0x0035,
    /// <summary>0x0036 CMD_MISC_SET_ID (spec Appendix A).</summary>
    CmdMiscSetId = 0x0036,
    /// <summary>0x0037 CMD_MISC_READ_MEMORY (spec Appendix A).</summary>
    CmdMiscReadMemory = 0x0037,
    /// <summary>0x0038 CMD_MISC_PARAMS_PARTIAL_RESET (spec Appendix A).</summary>
    CmdMiscParamsPartialReset = 0x0038,
    /// <summary>0x0039 CMD_MISC_GET_MAX_PACKET_SIZE (spec Appendix A).</summary>
    CmdMiscGetMaxPacketSize = 0x0039,
    /// <summary>0x0040 CMD_PARAMS_SMART_LOAD_PARAMS (spec Appendix A).</summary>
    CmdParamsSmartLoadParams = 0x0040,
    /// <summary>0x0041 CMD_MISC_PARAMS_PARTIAL_RESET2 (spec Appendix A).</summary>
    CmdMiscParamsPartialReset2 = 0x0041,
    /// <summary>0x0042 CMD_PARAMS_IGNORE_PARAMS_LIST (spec Appendix A).</summary>
    CmdParamsIgnoreParamsList = 0x0042,
    /// <summary>0x0043 CMD_PARAMS_PARTIAL_RESET_AS_LEVEL (spec Appendix A).</summary>
    CmdParamsPartialResetAsLevel = 0x0043,
    /// <summary>0x0044 CMD_PARAMS_PARTIAL_RESET_PCB_LEVEL (spec Appendix A).</summary>
    CmdParamsPartialResetPcbLevel = 0x0044,
    /// <summary>0x0080 RESP_ACK (spec Appendix A).</summary>
    RespAck = 0x0080,
    /// <summary>0x0081 RESP_NACK (spec Appendix A).</summary>
    RespNack = 0x0081,
    /// <summary>0x0090 RESP_PARAMS_SINGLE (spec Appendix A).</summary>
    RespParamsSingle = 0x0090,
    /// <summary>0x0091 RESP_PARAMS_INFO (spec Appendix A).</summary>
    RespParamsInfo = 0x0091,
    /// <summary>0x0092 RESP_PARAMS_NAME (spec Appendix A).</summary>
    RespParamsName = 0x0092,
    /// <summary>0x0093 RESP_PARAMS_NUM (spec Appendix A).</summary>
    RespParamsNum = 0x0093,
    /// <summary>0x0094 RESP_PARAMS_ALL (spec Appendix A).</summary>
    RespParamsAll = 0x0094,
    /// <summary>0x0095 RESP_PARAMS_INCORRECT_PASSWORD (spec Appendix A).</summary>
    RespParamsIncorrectPassword = 0x0095,
    /// <summary>0x00A0 RESP_UPGRADE_DATA (spec Appendix A).</summary>
    RespUpgradeData = 0x00A0,
    /// <summary>0x00A1 RESP_UPGRADE_SIZE (spec Appendix A).</summary>
    RespUpgradeSize = 0x00A1,
    /// <summary>0x00B0 RESP_MISC_GET_VER (spec Appendix A).</summary>
    RespMiscGetVer = 0x00B0,
    /// <summary>0x00B1 RESP_MISC_GET_TYPE (spec Appendix A).</summary>
    RespMiscGetType = 0x00B1,
    /// <summary>0x00B2 RESP_MISC_PAYLOAD (spec Appendix A).</summary>
    RespMiscPayload = 0x00B2,
    /// <summary>0x00B3 RESP_MISC_READ_MEMORY (spec Appendix A).</summary>
    RespMiscReadMemory = 0x00B3,
    /// <summary>0x00B4 RESP_MISC_GET_MAX_PACKET_SIZE (spec Appendix A).</summary>
    RespMiscGetMaxPacketSize = 0x00B4,
    /// <summary>0x0100 CMD_MERCURY_PWM_SET (spec Appendix A).</summary>
    CmdMercuryPwmSet = 0x0100,
    /// <summary>0x0101 CMD_MERCURY_PWM_ENABLE (spec Appendix A).</summary>
    CmdMercuryPwmEnable = 0x0101,
    /// <summary>0x0102 CMD_MERCURY_A2D_SAMPLE (spec Appendix A).</summary>
    CmdMercuryA2dSample = 0x0102,
    /// <summary>0x0103 CMD_MERCURY_KA (spec Appendix A).</summary>
    CmdMercuryKa = 0x0103,
    /// <summary>0x0104 CMD_MERCURY_SET_VIREF (spec Appendix A).</summary>
    CmdMercurySetViref = 0x0104,
    /// <summary>0x0105 CMD_MERCURY_SET_VOMAXREF (spec Appendix A).</summary>
    CmdMercurySetVomaxref = 0x0105,
    /// <summary>0x0106 CMD_MERCURY_SET_VOMINREF (spec Appendix A).</summary>
    CmdMercurySetVominref = 0x0106,
    /// <summary>0x0107 CMD_MERCURY_READ_MEAS (spec Appendix A).</summary>
    CmdMercuryReadMeas = 0x0107,
    /// <summary>0x0108 CMD_MERCURY_CLOSED_LOOP_START (spec Appendix A).</summary>
    CmdMercuryClosedLoopStart = 0x0108,
    /// <summary>0x0109 CMD_MERCURY_OPEN_LOOP_START (spec Appendix A).</summary>
    CmdMercuryOpenLoopStart = 0x0109,
    /// <summary>0x010A CMD_MERCURY_OPEN_LOOP_SET (spec Appendix A).</summary>
    CmdMercuryOpenLoopSet = 0x010A,
    /// <summary>0x010B CMD_MERCURY_SET_12V_10V (spec Appendix A).</summary>
    CmdMercurySet12v10v = 0x010B,
    /// <summary>0x010C CMD_MERCURY_SET_5V_35V (spec Appendix A).</summary>
    CmdMercurySet5v35v = 0x010C,
    /// <summary>0x010D CMD_MERCURY_SET_VO_RANGE (spec Appendix A).</summary>
    CmdMercurySetVoRange = 0x010D,
    /// <summary>0x010E CMD_MERCURY_START_MPPT (spec Appendix A).</summary>
    CmdMercuryStartMppt = 0x010E,
    /// <summary>0x010F CMD_MERCURY_TX_ENABLE (spec Appendix A).</summary>
    CmdMercuryTxEnable = 0x010F,
    /// <summary>0x0110 CMD_MERCURY_TX_TEST (spec Appendix A).</summary>
    CmdMercuryTxTest = 0x0110,
    /// <summary>0x0111 CMD_MERCURY_RX_TEST (spec Appendix A).</summary>
    CmdMercuryRxTest = 0x0111,
    /// <summary>0x0112 CMD_MERCURY_FORCE_TELEM (spec Appendix A).</summary>
    CmdMercuryForceTelem = 0x0112,
    /// <summary>0x0113 CMD_MERCURY_READ_SAMPLES_DIRECT (spec Appendix A).</summary>
    CmdMercuryReadSamplesDirect = 0x0113,
    /// <summary>0x0114 CMD_MERCURY_SET_OTP_BLOCK (spec Appendix A).</summary>
    CmdMercurySetOtpBlock = 0x0114,
    /// <summary>0x0115 CMD_MERCURY_SET_CAL_MODE (spec Appendix A).</summary>
    CmdMercurySetCalMode = 0x0115,
    /// <summary>0x0116 CMD_MERCURY_SET_VI_RANGE (spec Appendix A).</summary>
    CmdMercurySetViRange = 0x0116,
    /// <summary>0x0117 CMD_MERCURY_AVG_SAMPLE (spec Appendix A).</summary>
    CmdMercuryAvgSample = 0x0117,
    /// <summary>0x0118 CMD_MERCURY_GET_TELEM (spec Appendix A).</summary>
    CmdMercuryGetTelem = 0x0118,
    /// <summary>0x0119 CMD_MERCURY_DISABLE_PROTECTION (spec Appendix A).</summary>
    CmdMercuryDisableProtection = 0x0119,
    /// <summary>0x011A CMD_MERCURY_BYPASS_MODE (spec Appendix A).</summary>
    CmdMercuryBypassMode = 0x011A,
    /// <summary>0x011B CMD_MERCURY_SET_TEMP_CAL_PIN (spec Appendix A).</summary>
    CmdMercurySetTempCalPin = 0x011B,
    /// <summary>0x011C CMD_MERCURY_SAVE_VOLATILE (spec Appendix A).</summary>
    CmdMercurySaveVolatile = 0x011C,
    /// <summary>0x011D CMD_MERCURY_BBB_MODE (spec Appendix A).</summary>
    CmdMercuryBbbMode = 0x011D,
    /// <summary>0x011E CMD_MERCURY_GET_REG (spec Appendix A).</summary>
    CmdMercuryGetReg = 0x011E,
    /// <summary>0x011F CMD_MERCURY_SET_RES_CIRC_GPIOS (spec Appendix A).</summary>
    CmdMercurySetResCircGpios = 0x011F,
    /// <summary>0x0120 CMD_MERCURY_GET_SNR (spec Appendix A).</summary>
    CmdMercuryGetSnr = 0x0120,
    /// <summary>0x0121 CMD_MERCURY_GET_LOOP_MODE (spec Appendix A).</summary>
    CmdMercuryGetLoopMode = 0x0121,
    /// <summary>0x0122 CMD_MERCURY_SET_REG (spec Appendix A).</summary>
    CmdMercurySetReg = 0x0122,
    /// <summary>0x0123 CMD_MERCURY_DFT (spec Appendix A).</summary>
    CmdMercuryDft = 0x0123,
    /// <summary>0x0124 CMD_MERCURY_SET_COMM_SW (spec Appendix A).</summary>
    CmdMercurySetCommSw = 0x0124,
    /// <summary>0x0125 CMD_MERCURY_GET_SPI_SAMPLES (spec Appendix A).</summary>
    CmdMercuryGetSpiSamples = 0x0125,
    /// <summary>0x0126 CMD_MERCURY_SET_DT (spec Appendix A).</summary>
    CmdMercurySetDt = 0x0126,
    /// <summary>0x0127 CMD_MERCURY_GET_DFT_AVG (spec Appendix A).</summary>
    CmdMercuryGetDftAvg = 0x0127,
    /// <summary>0x0128 CMD_MERCURY_CONTROL_TEST (spec Appendix A).</summary>
    CmdMercuryControlTest = 0x0128,
    /// <summary>0x0129 CMD_MERCURY_GET_STATUS_REG (spec Appendix A).</summary>
    CmdMercuryGetStatusReg = 0x0129,
    /// <summary>0x012A CMD_MERCURY_RESET_STATUS_REG (spec Appendix A).</summary>
    CmdMercuryResetStatusReg = 0x012A,
    /// <summary>0x012B CMD_MERCURY_SET_DPWM_FREQ (spec Appendix A).</summary>
    CmdMercurySetDpwmFreq = 0x012B,
    /// <summary>0x0180 RESP_MERCURY_SAMPLES (spec Appendix A).</summary>
    RespMercurySamples = 0x0180,
    /// <summary>0x0181 RESP_MERCURY_MON (spec Appendix A).</summary>
    RespMercuryMon = 0x0181,
    /// <summary>0x0182 RESP_MERCURY_TELEM (spec Appendix A).</summary>
    RespMercuryTelem = 0x0182,
    /// <summary>0x0183 RESP_MERCURY_MEAS (spec Appendix A).</summary>
    RespMercuryMeas = 0x0183,
    /// <summary>0x0184 RESP_MERCURY_RX_TEST_RES (spec Appendix A).</summary>
    RespMercuryRxTestRes = 0x0184,
    /// <summary>0x0185 RESP_MERCURY_SAMPLES_DIRECT (spec Appendix A).</summary>
    RespMercurySamplesDirect = 0x0185,
    /// <summary>0x0186 RESP_MERCURY_AVG_SAMPLE (spec Appendix A).</summary>
    RespMercuryAvgSample = 0x0186,
    /// <summary>0x0187 RESP_MERCURY_GET_TELEM (spec Appendix A).</summary>
    RespMercuryGetTelem = 0x0187,
    /// <summary>0x0188 RESP_MERCURY_CONTROL_TEST (spec Appendix A).</summary>
    RespMercuryControlTest = 0x0188,
    /// <summary>0x0200 CMD_VENUSMNGR_READ_ISE_MEAS1 (spec Appendix A).</summary>
    CmdVenusmngrReadIseMeas1 = 0x0200,
    /// <summary>0x0201 CMD_VENUSMNGR_READ_ISE_MEAS2 (spec Appendix A).</summary>
    CmdVenusmngrReadIseMeas2 = 0x0201,
    /// <summary>0x0202 CMD_VENUSMNGR_READ_SE_MEAS (spec Appendix A).</summary>
    CmdVenusmngrReadSeMeas = 0x0202,
    /// <summary>0x0203 CMD_VENUSMNGR_START_INVERTER (spec Appendix A).</summary>
    CmdVenusmngrStartInverter = 0x0203,
    /// <summary>0x0204 CMD_VENUSMNGR_ISE_DUTY_CYCLE (spec Appendix A).</summary>
    CmdVenusmngrIseDutyCycle = 0x0204,
    /// <summary>0x0205 CMD_VENUSMNGR_GET_SYS_STATUS (spec Appendix A).</summary>
    CmdVenusmngrGetSysStatus = 0x0205,
    /// <summary>0x0206 CMD_VENUSMNGR_GET_TELEM (spec Appendix A).</summary>
    CmdVenusmngrGetTelem = 0x0206,
    /// <summary>0x0207 CMD_VENUSMNGR_RX_TEST_INIT (spec Appendix A).</summary>
    CmdVenusmngrRxTestInit = 0x0207,
    /// <summary>0x0208 CMD_VENUSMNGR_RX_TEST (spec Appendix A).</summary>
    CmdVenusmngrRxTest = 0x0208,
    /// <summary>0x0209 CMD_VENUSMNGR_TX_TEST_START (spec Appendix A).</summary>
    CmdVenusmngrTxTestStart = 0x0209,
    /// <summary>0x020A CMD_VENUSMNGR_TX_TEST_STOP (spec Appendix A).</summary>
    CmdVenusmngrTxTestStop = 0x020A,
    /// <summary>0x020B CMD_VENUSMNGR_SET_TX_ENABLE (spec Appendix A).</summary>
    CmdVenusmngrSetTxEnable = 0x020B,
    /// <summary>0x020C CMD_VENUSMNGR_ENABLE_ISE_WD (spec Appendix A).</summary>
    CmdVenusmngrEnableIseWd = 0x020C,
    /// <summary>0x020D CMD_VENUSMNGR_DISABLE_ISE_WD (spec Appendix A).</summary>
    CmdVenusmngrDisableIseWd = 0x020D,
    /// <summary>0x020E CMD_VENUSMNGR_GET_COUNTRY_CODE (spec Appendix A).</summary>
    CmdVenusmngrGetCountryCode = 0x020E,
    /// <summary>0x020F CMD_VENUSMNGR_SET_COUNTRY (spec Appendix A).</summary>
    CmdVenusmngrSetCountry = 0x020F,
    /// <summary>0x0210 CMD_VENUSMNGR_PRIVILEGED_MODE (spec Appendix A).</summary>
    CmdVenusmngrPrivilegedMode = 0x0210,
    /// <summary>0x0211 CMD_VENUSMNGR_PRIVILEGED_SET_PARAM (spec Appendix A).</summary>
    CmdVenusmngrPrivilegedSetParam = 0x0211,
    /// <summary>0x0212 CMD_VENUSMNGR_PRIVILEGED_GET_EVENT (spec Appendix A).</summary>
    CmdVenusmngrPrivilegedGetEvent = 0x0212,
    /// <summary>0x0213 CMD_VENUSMNGR_PRIVILEGED_GET_STATUS (spec Appendix A).</summary>
    CmdVenusmngrPrivilegedGetStatus = 0x0213,
    /// <summary>0x0214 CMD_VENUSMNGR_CURRENT_MODEM_START (spec Appendix A).</summary>
    CmdVenusmngrCurrentModemStart = 0x0214,
    /// <summary>0x0215 CMD_VENUSMNGR_CURRENT_MODEM_SEND (spec Appendix A).</summary>
    CmdVenusmngrCurrentModemSend = 0x0215,
    /// <summary>0x0216 CMD_VENUSMNGR_CURRENT_MODEM_SEND_PAIRING (spec Appendix A).</summary>
    CmdVenusmngrCurrentModemSendPairing = 0x0216,
    /// <summary>0x0217 CMD_VENUSMNGR_CURRENT_MODEM_GET_STATUS (spec Appendix A).</summary>
    CmdVenusmngrCurrentModemGetStatus = 0x0217,
    /// <summary>0x0218 CMD_VENUSMNGR_KA_DATA_SEND (spec Appendix A).</summary>
    CmdVenusmngrKaDataSend = 0x0218,
    /// <summary>0x0219 CMD_VENUSMNGR_CURRENT_MODEM_END_PAIRING (spec Appendix A).</summary>
    CmdVenusmngrCurrentModemEndPairing = 0x0219,
    /// <summary>0x021A CMD_VENUSMNGR_FORCE_GRID_MON (spec Appendix A).</summary>
    CmdVenusmngrForceGridMon = 0x021A,
    /// <summary>0x021B CMD_VENUSMNGR_FORCE_SKIP_GRID_MON (spec Appendix A).</summary>
    CmdVenusmngrForceSkipGridMon = 0x021B,
    /// <summary>0x021C CMD_VENUSMNGR_START_SUPERVISE (spec Appendix A).</summary>
    CmdVenusmngrStartSupervise = 0x021C,
    /// <summary>0x021D CMD_VENUSMNGR_READ_A2D_MEAS (spec Appendix A).</summary>
    CmdVenusmngrReadA2dMeas = 0x021D,
    /// <summary>0x021E CMD_VENUSMNGR_GET_COUNTRY_DEFAULTS (spec Appendix A).</summary>
    CmdVenusmngrGetCountryDefaults = 0x021E,
    /// <summary>0x021F CMD_VENUSMNGR_SET_PRODUCT_MODEL (spec Appendix A).</summary>
    CmdVenusmngrSetProductModel = 0x021F,
    /// <summary>0x0220 CMD_VENUSMNGR_GET_PRODUCT_MODEL (spec Appendix A).</summary>
    CmdVenusmngrGetProductModel = 0x0220,
    /// <summary>0x0221 CMD_VENUSMNGR_SET_DYNAMIC_INVPWR_PARAM (spec Appendix A).</summary>
    CmdVenusmngrSetDynamicInvpwrParam = 0x0221,
    /// <summary>0x0222 CMD_INVERTER_ENTER_BURN_INVPWR_MODE (spec Appendix A).</summary>
    CmdInverterEnterBurnInvpwrMode = 0x0222,
    /// <summary>0x0223 CMD_VENUSMNGR_MPPT_TRAVEL (spec Appendix A).</summary>
    CmdVenusmngrMpptTravel = 0x0223,
    /// <summary>0x0224 CMD_VENUSMNGR_SET_PWR_PARAM (spec Appendix A).</summary>
    CmdVenusmngrSetPwrParam = 0x0224,
    /// <summary>0x0225 CMD_INVERTER_CURRENT_MODEM_SET_DATA_BIT (spec Appendix A).</summary>
    CmdInverterCurrentModemSetDataBit = 0x0225,
    /// <summary>0x0280 RESP_VENUSMNGR_READ_ISE_MEAS1 (spec Appendix A).</summary>
    RespVenusmngrReadIseMeas1 = 0x0280,
    /// <summary>0x0281 RESP_VENUSMNGR_READ_ISE_MEAS2 (spec Appendix A).</summary>
    RespVenusmngrReadIseMeas2 = 0x0281,
    /// <summary>0x0282 RESP_VENUSMNGR_READ_SE_MEAS (spec Appendix A).</summary>
    RespVenusmngrReadSeMeas = 0x0282,
    /// <summary>0x0283 RESP_VENUSMNGR_GET_SYS_STATUS (spec Appendix A).</summary>
    RespVenusmngrGetSysStatus = 0x0283,
    /// <summary>0x0284 RESP_VENUSMNGR_GET_TELEM (spec Appendix A).</summary>
    RespVenusmngrGetTelem = 0x0284,
    /// <summary>0x0285 RESP_VENUSMNGR_RX_TEST (spec Appendix A).</summary>
    RespVenusmngrRxTest = 0x0285,
    /// <summary>0x0286 RESP_VENUSMNGR_GET_COUNTRY_CODE (spec Appendix A).</summary>
    RespVenusmngrGetCountryCode = 0x0286,
    /// <summary>0x0287 RESP_VENUSMNGR_PRIVILEGED_GET_EVENT (spec Appendix A).</summary>
    RespVenusmngrPrivilegedGetEvent = 0x0287,
    /// <summary>0x0288 RESP_VENUSMNGR_PRIVILEGED_GET_STATUS (spec Appendix A).</summary>
    RespVenusmngrPrivilegedGetStatus = 0x0288,
    /// <summary>0x0289 RESP_VENUSMNGR_CURRENT_MODEM_GET_STATUS (spec Appendix A).</summary>
    RespVenusmngrCurrentModemGetStatus = 0x0289,
    /// <summary>0x028A RESP_VENUSMNGR_READ_A2D_MEAS (spec Appendix A).</summary>
    RespVenusmngrReadA2dMeas = 0x028A,
    /// <summary>0x028B RESP_VENUSMNGR_GET_COUNTRY_DEFAULTS (spec Appendix A).</summary>
    RespVenusmngrGetCountryDefaults = 0x028B,
    /// <summary>0x028C RESP_VENUSMNGR_GET_PRODUCT_MODEL (spec Appendix A).</summary>
    RespVenusmngrGetProductModel = 0x028C,
    /// <summary>0x028D RESP_VENUSMNGR_SET_DYNAMIC_ISE_PARAM (spec Appendix A).</summary>
    RespVenusmngrSetDynamicIseParam = 0x028D,
    /// <summary>0x0300 CMD_POLESTAR_TELEMS_START (spec Appendix A).</summary>
    CmdPolestarTelemsStart = 0x0300,
    /// <summary>0x0301 CMD_POLESTAR_TELEMS_STOP (spec Appendix A).</summary>
    CmdPolestarTelemsStop = 0x0301,
    /// <summary>0x0302 CMD_POLESTAR_MASTER_GRANT (spec Appendix A).</summary>
    CmdPolestarMasterGrant = 0x0302,
    /// <summary>0x0303 CMD_POLESTAR_RTC_SET (spec Appendix A).</summary>
    CmdPolestarRtcSet = 0x0303,
    /// <summary>0x0304 CMD_POLESTAR_TEST_RAM (spec Appendix A).</summary>
    CmdPolestarTestRam = 0x0304,
    /// <summary>0x0305 CMD_POLESTAR_TEST_FLASH (spec Appendix A).</summary>
    CmdPolestarTestFlash = 0x0305,
    /// <summary>0x0306 CMD_POLESTAR_MAC_ADDR_GET (spec Appendix A).</summary>
    CmdPolestarMacAddrGet = 0x0306,
    /// <summary>0x0307 CMD_POLESTAR_IP_ADDR_GET (spec Appendix A).</summary>
    CmdPolestarIpAddrGet = 0x0307,
    /// <summary>0x0308 CMD_POLESTAR_SLAVE_ID_DETECT_INIT (spec Appendix A).</summary>
    CmdPolestarSlaveIdDetectInit = 0x0308,
    /// <summary>0x0309 CMD_POLESTAR_SLAVE_ID_DETECT_GET_ID (spec Appendix A).</summary>
    CmdPolestarSlaveIdDetectGetId = 0x0309,
    /// <summary>0x030A CMD_POLESTAR_SLAVE_ID_DETECT_STOP (spec Appendix A).</summary>
    CmdPolestarSlaveIdDetectStop = 0x030A,
    /// <summary>0x030B CMD_POLESTAR_UART_ZB_BRIDGE (spec Appendix A).</summary>
    CmdPolestarUartZbBridge = 0x030B,
    /// <summary>0x030C CMD_POLESTAR_SEND_PING (spec Appendix A).</summary>
    CmdPolestarSendPing = 0x030C,
    /// <summary>0x030D CMD_POLESTAR_LCD_TEST_MODE (spec Appendix A).</summary>
    CmdPolestarLcdTestMode = 0x030D,
    /// <summary>0x030E CMD_POLESTAR_CONFTOOL_START (spec Appendix A).</summary>
    CmdPolestarConftoolStart = 0x030E,
    /// <summary>0x030F CMD_POLESTAR_ETHERNET_STAT (spec Appendix A).</summary>
    CmdPolestarEthernetStat = 0x030F,
    /// <summary>0x0310 CMD_POLESTAR_GET_FIFO_FLASH_INFO (spec Appendix A).</summary>
    CmdPolestarGetFifoFlashInfo = 0x0310,
    /// <summary>0x0311 CMD_POLESTAR_RESET_FIFO_FLASH (spec Appendix A).</summary>
    CmdPolestarResetFifoFlash = 0x0311,
    /// <summary>0x0312 CMD_POLESTAR_RESET_FLASH (spec Appendix A).</summary>
    CmdPolestarResetFlash = 0x0312,
    /// <summary>0x0313 CMD_POLESTAR_RS485_MSTR_SLV_DET_START (spec Appendix A).</summary>
    CmdPolestarRs485MstrSlvDetStart = 0x0313,
    /// <summary>0x0314 CMD_POLESTAR_RS485_MSTR_SLV_DET_STATUS (spec Appendix A).</summary>
    CmdPolestarRs485MstrSlvDetStatus = 0x0314,
    /// <summary>0x0315 CMD_POLESTAR_UART_ZB_SET (spec Appendix A).</summary>
    CmdPolestarUartZbSet = 0x0315,
    /// <summary>0x0316 CMD_POLESTAR_TCP_TEST (spec Appendix A).</summary>
    CmdPolestarTcpTest = 0x0316,
    /// <summary>0x0317 CMD_POLESTAR_TIMER_ADVANCE (spec Appendix A).</summary>
    CmdPolestarTimerAdvance = 0x0317,
    /// <summary>0x0318 CMD_POLESTAR_ERASE_FLASH_FIFO_FAST (spec Appendix A).</summary>
    CmdPolestarEraseFlashFifoFast = 0x0318,
    /// <summary>0x0319 CMD_POLESTAR_SELF_KA (spec Appendix A).</summary>
    CmdPolestarSelfKa = 0x0319,
    /// <summary>0x031A CMD_POLESTAR_ISE_BRIDGE (spec Appendix A).</summary>
    CmdPolestarIseBridge = 0x031A,
    /// <summary>0x031B CMD_POLESTAR_ERASE_STATISTICS (spec Appendix A).</summary>
    CmdPolestarEraseStatistics = 0x031B,
    /// <summary>0x031C CMD_POLESTAR_GET_POK_STATUS (spec Appendix A).</summary>
    CmdPolestarGetPokStatus = 0x031C,
    /// <summary>0x031D CMD_POLESTAR_INVERTER_HW_RESET (spec Appendix A).</summary>
    CmdPolestarInverterHwReset = 0x031D,
    /// <summary>0x031E CMD_POLESTAR_ZB_PRESENT_STATUS (spec Appendix A).</summary>
    CmdPolestarZbPresentStatus = 0x031E,
    /// <summary>0x031F CMD_POLESTAR_GET_ALL_SUPPORTED_LANGUAGES_INDEXES (spec Appendix A).</summary>
    CmdPolestarGetAllSupportedLanguagesIndexes = 0x031F,
    /// <summary>0x0320 CMD_POLESTAR_GET_ALL_SUPPORTED_GSM_MODEMS_INDEXES (spec Appendix A).</summary>
    CmdPolestarGetAllSupportedGsmModemsIndexes = 0x0320,
    /// <summary>0x0321 CMD_POLESTAR_GET_S_OK_STATUS (spec Appendix A).</summary>
    CmdPolestarGetSOkStatus = 0x0321,
    /// <summary>0x0322 CMD_POLESTAR_GET_ENERGY_STATISTICS_STATUS (spec Appendix A).</summary>
    CmdPolestarGetEnergyStatisticsStatus = 0x0322,
    /// <summary>0x0323 CMD_POLESTAR_GET_GSM_PRESENT_STATUS (spec Appendix A).</summary>
    CmdPolestarGetGsmPresentStatus = 0x0323,
    /// <summary>0x0324 CMD_POLESTAR_SET_STATISTICS_ELEMENT (spec Appendix A).</summary>
    CmdPolestarSetStatisticsElement = 0x0324,
    /// <summary>0x0325 CMD_POLESTAR_GEMINI_RS485_MSTR_SLV_DET_START (spec Appendix A).</summary>
    CmdPolestarGeminiRs485MstrSlvDetStart = 0x0325,
    /// <summary>0x0326 CMD_POLESTAR_GEMINI_RS485_MSTR_SLV_DET_STATUS (spec Appendix A).</summary>
    CmdPolestarGeminiRs485MstrSlvDetStatus = 0x0326,
    /// <summary>0x0327 CMD_POLESTAR_GET_GEMINI_GFD_STATUS (spec Appendix A).</summary>
    CmdPolestarGetGeminiGfdStatus = 0x0327,
    /// <summary>0x0328 CMD_POLESTAR_GET_ERROR_LOG (spec Appendix A).</summary>
    CmdPolestarGetErrorLog = 0x0328,
    /// <summary>0x0329 CMD_POLESTAR_BLOCK_SERVER_CONTROL (spec Appendix A).</summary>
    CmdPolestarBlockServerControl = 0x0329,
    /// <summary>0x032A CMD_POLESTAR_GET_SERVER_CONTROL_STATUS (spec Appendix A).</summary>
    CmdPolestarGetServerControlStatus = 0x032A,
    /// <summary>0x032B CMD_POLESTAR_TEST_SD_FLASH (spec Appendix A).</summary>
    CmdPolestarTestSdFlash = 0x032B,
    /// <summary>0x032C CMD_POLESTAR_GET_WARNING_LOG (spec Appendix A).</summary>
    CmdPolestarGetWarningLog = 0x032C,
    /// <summary>0x032D CMD_POLESTAR_RESET_MODBUS_DEVICE_DATA (spec Appendix A).</summary>
    CmdPolestarResetModbusDeviceData = 0x032D,
    /// <summary>0x032E CMD_POLESTAR_TURN_OFF_INTERNAL_SRAM_BATTERY_BACKUP (spec Appendix A).</summary>
    CmdPolestarTurnOffInternalSramBatteryBackup = 0x032E,
    /// <summary>0x032F CMD_POLESTAR_WRITE_LCD (spec Appendix A).</summary>
    CmdPolestarWriteLcd = 0x032F,
    /// <summary>0x0330 CMD_POLESTAR_READ_LAST_BUTTONS (spec Appendix A).</summary>
    CmdPolestarReadLastButtons = 0x0330,
    /// <summary>0x0331 CMD_POLESTAR_GET_STATISTICS_ELEMENT (spec Appendix A).</summary>
    CmdPolestarGetStatisticsElement = 0x0331,
    /// <summary>0x0332 CMD_POLESTAR_SEND_POWER_REDUCER_SLAVE_PACKET (spec Appendix A).</summary>
    CmdPolestarSendPowerReducerSlavePacket = 0x0332,
    /// <summary>0x0333 CMD_POLESTAR_SEND_POWER_REDUCER_MASTER_PACKET (spec Appendix A).</summary>
    CmdPolestarSendPowerReducerMasterPacket = 0x0333,
    /// <summary>0x0334 CMD_POLESTAR_GET_WIFI_PRESENT_STATUS (spec Appendix A).</summary>
    CmdPolestarGetWifiPresentStatus = 0x0334,
    /// <summary>0x0335 CMD_POLESTAR_GET_PORT_EXPANDER_GPIO_DATA (spec Appendix A).</summary>
    CmdPolestarGetPortExpanderGpioData = 0x0335,
    /// <summary>0x0336 CMD_POLESTAR_SET_PORT_EXPANDER_GPIO_DATA (spec Appendix A).</summary>
    CmdPolestarSetPortExpanderGpioData = 0x0336,
    /// <summary>0x0337 CMD_POLESTAR_READ_LCD (spec Appendix A).</summary>
    CmdPolestarReadLcd = 0x0337,
    /// <summary>0x0338 CMD_POLESTAR_SIMULATE_BUTTON_PRESSING (spec Appendix A).</summary>
    CmdPolestarSimulateButtonPressing = 0x0338,
    /// <summary>0x0339 CMD_POLESTAR_INV_ACTIVATE (spec Appendix A).</summary>
    CmdPolestarInvActivate = 0x0339,
    /// <summary>0x033A CMD_POLESTAR_MODBUS_SLAVE_PACKET (spec Appendix A).</summary>
    CmdPolestarModbusSlavePacket = 0x033A,
    /// <summary>0x033B CMD_POLESTAR_GET_BUTTON_STATE (spec Appendix A).</summary>
    CmdPolestarGetButtonState = 0x033B,
    /// <summary>0x033C CMD_POLESTAR_GET_A2D_VALS (spec Appendix A).</summary>
    CmdPolestarGetA2dVals = 0x033C,
    /// <summary>0x033D CMD_POLESTAR_GET_OPMODE (spec Appendix A).</summary>
    CmdPolestarGetOpmode = 0x033D,
    /// <summary>0x033E CMD_POLESTAR_SET_BACKLIGHT (spec Appendix A).</summary>
    CmdPolestarSetBacklight = 0x033E,
    /// <summary>0x033F CMD_POLESTAR_READ_FIFO_PAGE (spec Appendix A).</summary>
    CmdPolestarReadFifoPage = 0x033F,
    /// <summary>0x0340 CMD_POLESTAR_GET_CURRENT_SCREEN_INDEX (spec Appendix A).</summary>
    CmdPolestarGetCurrentScreenIndex = 0x0340,
    /// <summary>0x0341 CMD_POLESTAR_GET_IDENTITY (spec Appendix A).</summary>
    CmdPolestarGetIdentity = 0x0341,
    /// <summary>0x0342 CMD_POLESTAR_GET_SUPPORTED_COMMANDS (spec Appendix A).</summary>
    CmdPolestarGetSupportedCommands = 0x0342,
    /// <summary>0x0343 CMD_POLESTAR_PAIRING_START (spec Appendix A).</summary>
    CmdPolestarPairingStart = 0x0343,
    /// <summary>0x0344 CMD_POLESTAR_PAIRING_STATUS (spec Appendix A).</summary>
    CmdPolestarPairingStatus = 0x0344,
    /// <summary>0x0345 CMD_POLESTAR_PRODUCT_RESET (spec Appendix A).</summary>
    CmdPolestarProductReset = 0x0345,
    /// <summary>0x0346 CMD_POLESTAR_PLC_CMD_EXECUTE (spec Appendix A).</summary>
    CmdPolestarPlcCmdExecute = 0x0346,
    /// <summary>0x0347 CMD_POLESTAR_GET_STATUS (spec Appendix A).</summary>
    CmdPolestarGetStatus = 0x0347,
    /// <summary>0x0348 CMD_POLESTAR_FIRE_SAFETY_LOCK_MASTER (spec Appendix A).</summary>
    CmdPolestarFireSafetyLockMaster = 0x0348,
    /// <summary>0x0349 CMD_POLESTAR_FIRE_SAFETY_LOCK_SLAVE (spec Appendix A).</summary>
    CmdPolestarFireSafetyLockSlave = 0x0349,
    /// <summary>0x034A CMD_POLESTAR_FIRE_SAFETY_REPORT (spec Appendix A).</summary>
    CmdPolestarFireSafetyReport = 0x034A,
    /// <summary>0x034B CMD_POLESTAR_UART_BRIDGE_INIT (spec Appendix A).</summary>
    CmdPolestarUartBridgeInit = 0x034B,
    /// <summary>0x034C CMD_POLESTAR_SEND_UART_DATA (spec Appendix A).</summary>
    CmdPolestarSendUartData = 0x034C,
    /// <summary>0x034D CMD_POLESTAR_LED_TEST (spec Appendix A).</summary>
    CmdPolestarLedTest = 0x034D,
    /// <summary>0x034E CMD_POLESTAR_SEND_FAKE_TELEMS (spec Appendix A).</summary>
    CmdPolestarSendFakeTelems = 0x034E,
    /// <summary>0x0380 RESP_POLESTAR_RTC_SET (spec Appendix A).</summary>
    RespPolestarRtcSet = 0x0380,
    /// <summary>0x0381 RESP_POLESTAR_MAC_ADDR_GET (spec Appendix A).</summary>
    RespPolestarMacAddrGet = 0x0381,
    /// <summary>0x0382 RESP_POLESTAR_IP_ADDR_GET (spec Appendix A).</summary>
    RespPolestarIpAddrGet = 0x0382,
    /// <summary>0x0383 RESP_POLESTAR_SEND_PING (spec Appendix A).</summary>
    RespPolestarSendPing = 0x0383,
    /// <summary>0x0384 RESP_POLESTAR_ETHERNET_STAT (spec Appendix A).</summary>
    RespPolestarEthernetStat = 0x0384,
    /// <summary>0x0385 RESP_POLESTAR_GET_FIFO_FLASH_INFO (spec Appendix A).</summary>
    RespPolestarGetFifoFlashInfo = 0x0385,
    /// <summary>0x0386 RESP_POLESTAR_RS485_MSTR_SLV_DET_STATUS (spec Appendix A).</summary>
    RespPolestarRs485MstrSlvDetStatus = 0x0386,
    /// <summary>0x0387 RESP_POLESTAR_TCP_TEST_RESP (spec Appendix A).</summary>
    RespPolestarTcpTestResp = 0x0387,
    /// <summary>0x0388 RESP_POLESTAR_GET_POK_STATUS (spec Appendix A).</summary>
    RespPolestarGetPokStatus = 0x0388,
    /// <summary>0x0389 RESP_POLESTAR_INVERTER_HW_RESET (spec Appendix A).</summary>
    RespPolestarInverterHwReset = 0x0389,
    /// <summary>0x038A RESP_POLESTAR_GET_ALL_SUPPORTED_LANGUAGES_INDEXES (spec Appendix A).</summary>
    RespPolestarGetAllSupportedLanguagesIndexes = 0x038A,
    /// <summary>0x038B RESP_POLESTAR_GET_ALL_SUPPORTED_GSM_MODEMS_INDEXES (spec Appendix A).</summary>
    RespPolestarGetAllSupportedGsmModemsIndexes = 0x038B,
    /// <summary>0x038C RESP_POLESTAR_GET_S_OK_STATUS (spec Appendix A).</summary>
    RespPolestarGetSOkStatus = 0x038C,
    /// <summary>0x038D RESP_POLESTAR_GET_ENERGY_STATISTICS_STATUS (spec Appendix A).</summary>
    RespPolestarGetEnergyStatisticsStatus = 0x038D,
    /// <summary>0x038E RESP_POLESTAR_GET_GSM_PRESENT_STATUS (spec Appendix A).</summary>
    RespPolestarGetGsmPresentStatus = 0x038E,
    /// <summary>0x038F RESP_POLESTAR_GEMINI_RS485_MSTR_SLV_DET_STATUS (spec Appendix A).</summary>
    RespPolestarGeminiRs485MstrSlvDetStatus = 0x038F,
    /// <summary>0x0390 RESP_POLESTAR_GET_GEMINI_GFD_STATUS (spec Appendix A).</summary>
    RespPolestarGetGeminiGfdStatus = 0x0390,
    /// <summary>0x0391 RESP_POLESTAR_GET_ERROR_LOG (spec Appendix A).</summary>
    RespPolestarGetErrorLog = 0x0391,
    /// <summary>0x0392 RESP_POLESTAR_GET_SERVER_CONTROL_STATUS (spec Appendix A).</summary>
    RespPolestarGetServerControlStatus = 0x0392,
    /// <summary>0x0393 RESP_POLESTAR_GET_WARNING_LOG (spec Appendix A).</summary>
    RespPolestarGetWarningLog = 0x0393,
    /// <summary>0x0394 RESP_POLESTAR_READ_LAST_BUTTONS (spec Appendix A).</summary>
    RespPolestarReadLastButtons = 0x0394,
    /// <summary>0x0395 RESP_POLESTAR_GET_STATISTICS_ELEMENT (spec Appendix A).</summary>
    RespPolestarGetStatisticsElement = 0x0395,
    /// <summary>0x0396 RESP_POLESTAR_GET_WIFI_PRESENT_STATUS (spec Appendix A).</summary>
    RespPolestarGetWifiPresentStatus = 0x0396,
    /// <summary>0x0397 RESP_POLESTAR_GET_PORT_EXPANDER_GPIO_DATA (spec Appendix A).</summary>
    RespPolestarGetPortExpanderGpioData = 0x0397,
    /// <summary>0x0398 RESP_POLESTAR_READ_LCD (spec Appendix A).</summary>
    RespPolestarReadLcd = 0x0398,
    /// <summary>0x0399 RESP_POLESTAR_MODBUS_SLAVE_PACKET (spec Appendix A).</summary>
    RespPolestarModbusSlavePacket = 0x0399,
    /// <summary>0x039A RESP_POLESTAR_MASTER_GRANT_ACK (spec Appendix A).</summary>
    RespPolestarMasterGrantAck = 0x039A,
    /// <summary>0x039B RESP_POLESTAR_GET_IDENTITY (spec Appendix A).</summary>
    RespPolestarGetIdentity = 0x039B,
    /// <summary>0x039C RESP_POLESTAR_GET_SUPPORTED_COMMANDS (spec Appendix A).</summary>
    RespPolestarGetSupportedCommands = 0x039C,
    /// <summary>0x039D RESP_POLESTAR_PAIRING_START (spec Appendix A).</summary>
    RespPolestarPairingStart = 0x039D,
    /// <summary>0x039E RESP_POLESTAR_PAIRING_STATUS (spec Appendix A).</summary>
    RespPolestarPairingStatus = 0x039E,
    /// <summary>0x039F RESP_POLESTAR_GET_STATUS (spec Appendix A).</summary>
    RespPolestarGetStatus = 0x039F,
    /// <summary>0x03A0 RESP_POLESTAR_FIRE_SAFETY_REPORT (spec Appendix A).</summary>
    RespPolestarFireSafetyReport = 0x03A0,
    /// <summary>0x03A1 RESP_POLESTAR_SEND_UART_DATA (spec Appendix A).</summary>
    RespPolestarSendUartData = 0x03A1,
    /// <summary>0x0400 CMD_SUNTRACER_READ_FLASH (spec Appendix A).</summary>
    CmdSuntracerReadFlash = 0x0400,
    /// <summary>0x0401 CMD_SUNTRACER_START (spec Appendix A).</summary>
    CmdSuntracerStart = 0x0401,
    /// <summary>0x0402 CMD_SUNTRACER_SET_RTC (spec Appendix A).</summary>
    CmdSuntracerSetRtc = 0x0402,
    /// <summary>0x0403 CMD_SUNTRACER_DEL_FLASH (spec Appendix A).</summary>
    CmdSuntracerDelFlash = 0x0403,
    /// <summary>0x0404 CMD_SUNTRACER_DEL_FLASH_SECTOR (spec Appendix A).</summary>
    CmdSuntracerDelFlashSector = 0x0404,
    /// <summary>0x0480 RESP_SUNTRACER_TRACE (spec Appendix A).</summary>
    RespSuntracerTrace = 0x0480,
    /// <summary>0x0481 RESP_SUNTRACER_FLASH (spec Appendix A).</summary>
    RespSuntracerFlash = 0x0481,
    /// <summary>0x0500 CMD_SERVER_POST_DATA (spec Appendix A).</summary>
    CmdServerPostData = 0x0500,
    /// <summary>0x0501 CMD_SERVER_GET_GMT (spec Appendix A).</summary>
    CmdServerGetGmt = 0x0501,
    /// <summary>0x0502 CMD_SERVER_GET_NAME (spec Appendix A).</summary>
    CmdServerGetName = 0x0502,
    /// <summary>0x0580 RESP_SERVER_GMT (spec Appendix A).</summary>
    RespServerGmt = 0x0580,
    /// <summary>0x0581 RESP_SERVER_NAME (spec Appendix A).</summary>
    RespServerName = 0x0581,
    /// <summary>0x0680 RESP_CONFTOOL_PLC_DATA (spec Appendix A).</summary>
    RespConftoolPlcData = 0x0680,
    /// <summary>0x0800 CMD_JUPMNGR_READ_JUPPWR_MEAS1 (spec Appendix A).</summary>
    CmdJupmngrReadJuppwrMeas1 = 0x0800,
    /// <summary>0x0801 CMD_JUPMNGR_READ_JUPPWR_MEAS2 (spec Appendix A).</summary>
    CmdJupmngrReadJuppwrMeas2 = 0x0801,
    /// <summary>0x0802 CMD_JUPMNGR_READ_JUPPWR_MEAS3 (spec Appendix A).</summary>
    CmdJupmngrReadJuppwrMeas3 = 0x0802,
    /// <summary>0x0803 CMD_JUPMNGR_READ_JUPPWR_MEAS4 (spec Appendix A).</summary>
    CmdJupmngrReadJuppwrMeas4 = 0x0803,
    /// <summary>0x0804 CMD_JUPMNGR_READ_JUPPWR_MEAS5 (spec Appendix A).</summary>
    CmdJupmngrReadJuppwrMeas5 = 0x0804,
    /// <summary>0x0805 CMD_JUPMNGR_READ_MEAS (spec Appendix A).</summary>
    CmdJupmngrReadMeas = 0x0805,
    /// <summary>0x0806 CMD_JUPMNGR_GET_SYS_STATUS (spec Appendix A).</summary>
    CmdJupmngrGetSysStatus = 0x0806,
    /// <summary>0x0807 CMD_JUPMNGR_GET_TELEM (spec Appendix A).</summary>
    CmdJupmngrGetTelem = 0x0807,
    /// <summary>0x0808 CMD_JUPMNGR_GET_COUNTRY_CODE (spec Appendix A).</summary>
    CmdJupmngrGetCountryCode = 0x0808,
    /// <summary>0x0809 CMD_JUPMNGR_SET_COUNTRY (spec Appendix A).</summary>
    CmdJupmngrSetCountry = 0x0809,
    /// <summary>0x080A CMD_JUPMNGR_GET_COUNTRY_DEFAULTS (spec Appendix A).</summary>
    CmdJupmngrGetCountryDefaults = 0x080A,
    /// <summary>0x080B CMD_JUPMNGR_PRIVILEGED_MODE (spec Appendix A).</summary>
    CmdJupmngrPrivilegedMode = 0x080B,
    /// <summary>0x080C CMD_JUPMNGR_PRIVILEGED_SET_PARAM (spec Appendix A).</summary>
    CmdJupmngrPrivilegedSetParam = 0x080C,
    /// <summary>0x080D CMD_JUPMNGR_PRIVILEGED_GET_EVENT (spec Appendix A).</summary>
    CmdJupmngrPrivilegedGetEvent = 0x080D,
    /// <summary>0x080E CMD_JUPMNGR_PRIVILEGED_GET_STATUS (spec Appendix A).</summary>
    CmdJupmngrPrivilegedGetStatus = 0x080E,
    /// <summary>0x080F CMD_JUPMNGR_SET_PRODUCT_MODEL (spec Appendix A).</summary>
    CmdJupmngrSetProductModel = 0x080F,
    /// <summary>0x0810 CMD_JUPMNGR_GET_PRODUCT_MODEL (spec Appendix A).</summary>
    CmdJupmngrGetProductModel = 0x0810,
    /// <summary>0x0811 CMD_JUPMNGR_DYNAMIC_SET_INVPWR_PARAM (spec Appendix A).</summary>
    CmdJupmngrDynamicSetInvpwrParam = 0x0811,
    /// <summary>0x0812 CMD_JUPMNGR_GET_INVPWR_PARAM_TYPE (spec Appendix A).</summary>
    CmdJupmngrGetInvpwrParamType = 0x0812,
    /// <summary>0x0813 CMD_JUPMNGR_GET_FANS_STATUS (spec Appendix A).</summary>
    CmdJupmngrGetFansStatus = 0x0813,
    /// <summary>0x0880 RESP_JUPMNGR_READ_JUPPWR_MEAS1 (spec Appendix A).</summary>
    RespJupmngrReadJuppwrMeas1 = 0x0880,
    /// <summary>0x0881 RESP_JUPMNGR_READ_JUPPWR_MEAS2 (spec Appendix A).</summary>
    RespJupmngrReadJuppwrMeas2 = 0x0881,
    /// <summary>0x0882 RESP_JUPMNGR_READ_JUPPWR_MEAS3 (spec Appendix A).</summary>
    RespJupmngrReadJuppwrMeas3 = 0x0882,
    /// <summary>0x0883 RESP_JUPMNGR_READ_JUPPWR_MEAS4 (spec Appendix A).</summary>
    RespJupmngrReadJuppwrMeas4 = 0x0883,
    /// <summary>0x0884 RESP_JUPMNGR_READ_JUPPWR_MEAS5 (spec Appendix A).</summary>
    RespJupmngrReadJuppwrMeas5 = 0x0884,
    /// <summary>0x0885 RESP_JUPMNGR_READ_MEAS (spec Appendix A).</summary>
    RespJupmngrReadMeas = 0x0885,
    /// <summary>0x0886 RESP_JUPMNGR_GET_SYS_STATUS (spec Appendix A).</summary>
    RespJupmngrGetSysStatus = 0x0886,
    /// <summary>0x0887 RESP_JUPMNGR_GET_TELEM (spec Appendix A).</summary>
    RespJupmngrGetTelem = 0x0887,
    /// <summary>0x0888 RESP_JUPMNGR_GET_COUNTRY_CODE (spec Appendix A).</summary>
    RespJupmngrGetCountryCode = 0x0888,
    /// <summary>0x0889 RESP_JUPMNGR_GET_COUNTRY_DEFAULTS (spec Appendix A).</summary>
    RespJupmngrGetCountryDefaults = 0x0889,
    /// <summary>0x088A RESP_JUPMNGR_PRIVILEGED_GET_EVENT (spec Appendix A).</summary>
    RespJupmngrPrivilegedGetEvent = 0x088A,
    /// <summary>0x088B RESP_JUPMNGR_PRIVILEGED_GET_STATUS (spec Appendix A).</summary>
    RespJupmngrPrivilegedGetStatus = 0x088B,
    /// <summary>0x088C RESP_JUPMNGR_GET_PRODUCT_MODEL (spec Appendix A).</summary>
    RespJupmngrGetProductModel = 0x088C,
    /// <summary>0x088D RESP_JUPMNGR_GET_INVPWR_PARAM_TYPE (spec Appendix A).</summary>
    RespJupmngrGetInvpwrParamType = 0x088D,
    /// <summary>0x088E RESP_JUPMNGR_GET_FANS_STATUS (spec Appendix A).</summary>
    RespJupmngrGetFansStatus = 0x088E,
    /// <summary>0x0900 CMD_INVERTER_TURN_15V_ON (spec Appendix A).</summary>
    CmdInverterTurn15vOn = 0x0900,
    /// <summary>0x0901 CMD_INVERTER_TURN_15V_OFF (spec Appendix A).</summary>
    CmdInverterTurn15vOff = 0x0901,
    /// <summary>0x0902 CMD_INVERTER_ENABLE_RELAYS (spec Appendix A).</summary>
    CmdInverterEnableRelays = 0x0902,
    /// <summary>0x0903 CMD_INVERTER_DISABLE_RELAYS (spec Appendix A).</summary>
    CmdInverterDisableRelays = 0x0903,
    /// <summary>0x0904 CMD_INVERTER_DYNAMIC_POWER_LIMIT (spec Appendix A).</summary>
    CmdInverterDynamicPowerLimit = 0x0904,
    /// <summary>0x0905 CMD_INVERTER_IVTRACE_START (spec Appendix A).</summary>
    CmdInverterIvtraceStart = 0x0905,
    /// <summary>0x0906 CMD_INVERTER_GRID_TRIP_TEST (spec Appendix A).</summary>
    CmdInverterGridTripTest = 0x0906,
    /// <summary>0x0907 CMD_INVERTER_SET_LMVGC_PARAMS1 (spec Appendix A).</summary>
    CmdInverterSetLmvgcParams1 = 0x0907,
    /// <summary>0x0908 CMD_INVERTER_GET_LMVGC_PARAMS1 (spec Appendix A).</summary>
    CmdInverterGetLmvgcParams1 = 0x0908,
    /// <summary>0x0909 CMD_INVERTER_SET_PWR_GAIN_PARAMS (spec Appendix A).</summary>
    CmdInverterSetPwrGainParams = 0x0909,
    /// <summary>0x090A CMD_INVERTER_SET_LMVGC_PARAMS2 (spec Appendix A).</summary>
    CmdInverterSetLmvgcParams2 = 0x090A,
    /// <summary>0x090B CMD_INVERTER_GET_LMVGC_PARAMS2 (spec Appendix A).</summary>
    CmdInverterGetLmvgcParams2 = 0x090B,
    /// <summary>0x090C CMD_INVERTER_SET_LMVGC_PARAMS3 (spec Appendix A).</summary>
    CmdInverterSetLmvgcParams3 = 0x090C,
    /// <summary>0x090D CMD_INVERTER_GET_LMVGC_PARAMS3 (spec Appendix A).</summary>
    CmdInverterGetLmvgcParams3 = 0x090D,
    /// <summary>0x090E CMD_INVERTER_LOCK_IN (spec Appendix A).</summary>
    CmdInverterLockIn = 0x090E,
    /// <summary>0x090F CMD_INVERTER_LOCK_OUT (spec Appendix A).</summary>
    CmdInverterLockOut = 0x090F,
    /// <summary>0x0910 CMD_INVERTER_GET_VDC (spec Appendix A).</summary>
    CmdInverterGetVdc = 0x0910,
    /// <summary>0x0911 CMD_INVERTER_PAIRING_DO_NOTHING (spec Appendix A).</summary>
    CmdInverterPairingDoNothing = 0x0911,
    /// <summary>0x0912 CMD_INVERTER_PAIRING_DO_SAFETY (spec Appendix A).</summary>
    CmdInverterPairingDoSafety = 0x0912,
    /// <summary>0x0980 RESP_INVERTER_DYNAMIC_POWER_LIMIT (spec Appendix A).</summary>
    RespInverterDynamicPowerLimit = 0x0980,
    /// <summary>0x0981 RESP_INVERTER_GET_LMVGC_PARAMS (spec Appendix A).</summary>
    RespInverterGetLmvgcParams = 0x0981,
    /// <summary>0x0A00 CMD_VEGA_READ_MEAS (spec Appendix A).</summary>
    CmdVegaReadMeas = 0x0A00,
    /// <summary>0x0A01 CMD_VEGA_GET_SYS_STATUS (spec Appendix A).</summary>
    CmdVegaGetSysStatus = 0x0A01,
    /// <summary>0x0A02 CMD_VEGA_GET_TELEM (spec Appendix A).</summary>
    CmdVegaGetTelem = 0x0A02,
    /// <summary>0x0A03 CMD_VEGA_GET_MAX_VDC_VALUE (spec Appendix A).</summary>
    CmdVegaGetMaxVdcValue = 0x0A03,
    /// <summary>0x0A04 CMD_VEGA_SET_MAX_VDC_VALUE (spec Appendix A).</summary>
    CmdVegaSetMaxVdcValue = 0x0A04,
    /// <summary>0x0A05 CMD_VEGA_RELAY_SET (spec Appendix A).</summary>
    CmdVegaRelaySet = 0x0A05,
    /// <summary>0x0A06 CMD_VEGA_SET_OPMODE (spec Appendix A).</summary>
    CmdVegaSetOpmode = 0x0A06,
    /// <summary>0x0A07 CMD_VEGA_GET_OPMODE (spec Appendix A).</summary>
    CmdVegaGetOpmode = 0x0A07,
    /// <summary>0x0A08 CMD_VEGA_SET_RANGE (spec Appendix A).</summary>
    CmdVegaSetRange = 0x0A08,
    /// <summary>0x0A80 RESP_VEGA_READ_MEAS (spec Appendix A).</summary>
    RespVegaReadMeas = 0x0A80,
    /// <summary>0x0A81 RESP_VEGA_GET_SYS_STATUS (spec Appendix A).</summary>
    RespVegaGetSysStatus = 0x0A81,
    /// <summary>0x0A82 RESP_VEGA_GET_TELEM (spec Appendix A).</summary>
    RespVegaGetTelem = 0x0A82,
    /// <summary>0x0A83 RESP_VEGA_GET_MAX_VDC_VALUE (spec Appendix A).</summary>
    RespVegaGetMaxVdcValue = 0x0A83,
    /// <summary>0x0B00 CMD_COMBI_PAUSE_MONITORING (spec Appendix A).</summary>
    CmdCombiPauseMonitoring = 0x0B00,
    /// <summary>0x0B01 CMD_COMBI_SET_TIME_STAMP (spec Appendix A).</summary>
    CmdCombiSetTimeStamp = 0x0B01,
    /// <summary>0x0B02 CMD_COMBI_RCD_CALIBRATION (spec Appendix A).</summary>
    CmdCombiRcdCalibration = 0x0B02,
    /// <summary>0x0B03 CMD_COMBI_GET_TELEM (spec Appendix A).</summary>
    CmdCombiGetTelem = 0x0B03,
    /// <summary>0x0B04 CMD_COMBI_FORCE_TELEM (spec Appendix A).</summary>
    CmdCombiForceTelem = 0x0B04,
    /// <summary>0x0B05 CMD_COMBI_SWITCHES_CONNECT (spec Appendix A).</summary>
    CmdCombiSwitchesConnect = 0x0B05,
    /// <summary>0x0B06 CMD_COMBI_SWITCHES_DISCONNECT (spec Appendix A).</summary>
    CmdCombiSwitchesDisconnect = 0x0B06,
    /// <summary>0x0B07 CMD_COMBI_SWITCHES_CONNECT_ALL (spec Appendix A).</summary>
    CmdCombiSwitchesConnectAll = 0x0B07,
    /// <summary>0x0B08 CMD_COMBI_SWITCHES_DISCONNECT_ALL (spec Appendix A).</summary>
    CmdCombiSwitchesDisconnectAll = 0x0B08,
    /// <summary>0x0B09 CMD_COMBI_RCD_TEST_EXECUTE (spec Appendix A).</summary>
    CmdCombiRcdTestExecute = 0x0B09,
    /// <summary>0x0B0A CMD_COMBI_RELAYS_TEST_EXECUTE (spec Appendix A).</summary>
    CmdCombiRelaysTestExecute = 0x0B0A,
    /// <summary>0x0B0B CMD_COMBI_GET_COMBISTRING_PARAM (spec Appendix A).</summary>
    CmdCombiGetCombistringParam = 0x0B0B,
    /// <summary>0x0B0C CMD_COMBI_SET_COMBISTRING_PARAM (spec Appendix A).</summary>
    CmdCombiSetCombistringParam = 0x0B0C,
    /// <summary>0x0B0D CMD_COMBI_GET_ALL_COMBISTRING_PARAMS (spec Appendix A).</summary>
    CmdCombiGetAllCombistringParams = 0x0B0D,
    /// <summary>0x0B0E CMD_COMBI_GET_ALL_COMBI_PARAMS (spec Appendix A).</summary>
    CmdCombiGetAllCombiParams = 0x0B0E,
    /// <summary>0x0B0F CMD_COMBI_READ_MEASUREMENTS (spec Appendix A).</summary>
    CmdCombiReadMeasurements = 0x0B0F,
    /// <summary>0x0B10 CMD_COMBI_GET_STRING_STATUS (spec Appendix A).</summary>
    CmdCombiGetStringStatus = 0x0B10,
    /// <summary>0x0B11 CMD_COMBI_GET_COMBI_STATUS (spec Appendix A).</summary>
    CmdCombiGetCombiStatus = 0x0B11,
    /// <summary>0x0B12 CMD_COMBI_GET_ACTIVE_STRINGS (spec Appendix A).</summary>
    CmdCombiGetActiveStrings = 0x0B12,
    /// <summary>0x0B13 CMD_COMBI_FWD_STRING_TELEM (spec Appendix A).</summary>
    CmdCombiFwdStringTelem = 0x0B13,
    /// <summary>0x0B14 CMD_COMBI_FWD_COMBI_TELEM (spec Appendix A).</summary>
    CmdCombiFwdCombiTelem = 0x0B14,
    /// <summary>0x0B15 CMD_COMBI_GET_UNIFIED_STRING_STATUS (spec Appendix A).</summary>
    CmdCombiGetUnifiedStringStatus = 0x0B15,
    /// <summary>0x0B16 CMD_COMBI_GET_UNIFIED_COMBI_STATUS (spec Appendix A).</summary>
    CmdCombiGetUnifiedCombiStatus = 0x0B16,
    /// <summary>0x0B17 CMD_COMBI_CHECK_INNER_PROTOCOL (spec Appendix A).</summary>
    CmdCombiCheckInnerProtocol = 0x0B17,
    /// <summary>0x0B18 CMD_COMBI_SWITCHES_CONNECT_RELAY (spec Appendix A).</summary>
    CmdCombiSwitchesConnectRelay = 0x0B18,
    /// <summary>0x0B19 CMD_COMBI_SWITCHES_DISCONNECT_RELAY (spec Appendix A).</summary>
    CmdCombiSwitchesDisconnectRelay = 0x0B19,
    /// <summary>0x0B1A CMD_COMBI_GET_GEMINI_STRING_IDS (spec Appendix A).</summary>
    CmdCombiGetGeminiStringIds = 0x0B1A,
    /// <summary>0x0B1B CMD_COMBI_GET_ALL_SWITCHES_STATUS (spec Appendix A).</summary>
    CmdCombiGetAllSwitchesStatus = 0x0B1B,
    /// <summary>0x0B1C CMD_COMBI_SET_RCD_TEST_PIN (spec Appendix A).</summary>
    CmdCombiSetRcdTestPin = 0x0B1C,
    /// <summary>0x0B1D CMD_COMBI_RELAYS_TEST_CHECK_CONDS (spec Appendix A).</summary>
    CmdCombiRelaysTestCheckConds = 0x0B1D,
    /// <summary>0x0B80 RESP_COMBI_GET_TELEM (spec Appendix A).</summary>
    RespCombiGetTelem = 0x0B80,
    /// <summary>0x0B81 RESP_COMBI_GET_STRING_STATUS (spec Appendix A).</summary>
    RespCombiGetStringStatus = 0x0B81,
    /// <summary>0x0B82 RESP_COMBI_GET_COMBI_STATUS (spec Appendix A).</summary>
    RespCombiGetCombiStatus = 0x0B82,
    /// <summary>0x0B83 RESP_COMBI_GET_ACTIVE_STRINGS (spec Appendix A).</summary>
    RespCombiGetActiveStrings = 0x0B83,
    /// <summary>0x0B84 RESP_COMBI_GET_UNIFIED_STRING_STATUS (spec Appendix A).</summary>
    RespCombiGetUnifiedStringStatus = 0x0B84,
    /// <summary>0x0B85 RESP_COMBI_GET_UNIFIED_COMBI_STATUS (spec Appendix A).</summary>
    RespCombiGetUnifiedCombiStatus = 0x0B85,
    /// <summary>0x0B86 RESP_COMBI_GET_GEMINI_STRING_IDS (spec Appendix A).</summary>
    RespCombiGetGeminiStringIds = 0x0B86,
    /// <summary>0x0C00 CMD_INVPWR_GET_ERROR_STATUS (spec Appendix A).</summary>
    CmdInvpwrGetErrorStatus = 0x0C00,
    /// <summary>0x0C01 CMD_INVPWR_GET_STATUS (spec Appendix A).</summary>
    CmdInvpwrGetStatus = 0x0C01,
    /// <summary>0x0C02 CMD_INVPWR_GO (spec Appendix A).</summary>
    CmdInvpwrGo = 0x0C02,
    /// <summary>0x0C03 CMD_INVPWR_HALT (spec Appendix A).</summary>
    CmdInvpwrHalt = 0x0C03,
    /// <summary>0x0C04 CMD_INVPWR_CONST_DUTY_CYCLE (spec Appendix A).</summary>
    CmdInvpwrConstDutyCycle = 0x0C04,
    /// <summary>0x0C05 CMD_INVPWR_DUMY_ERROR (spec Appendix A).</summary>
    CmdInvpwrDumyError = 0x0C05,
    /// <summary>0x0C06 CMD_INVPWR_PAIRING_SET_STATE (spec Appendix A).</summary>
    CmdInvpwrPairingSetState = 0x0C06,
    /// <summary>0x0C07 CMD_INVPWR_TEST_IAC_CONTROL (spec Appendix A).</summary>
    CmdInvpwrTestIacControl = 0x0C07,
    /// <summary>0x0C80 RESP_INVPWR_GET_ERROR_STATUS (spec Appendix A).</summary>
    RespInvpwrGetErrorStatus = 0x0C80,
    /// <summary>0x0C81 RESP_INVPWR_GET_STATUS (spec Appendix A).</summary>
    RespInvpwrGetStatus = 0x0C81,
    /// <summary>0x0C82 RESP_INVPWR_GO (spec Appendix A).</summary>
    RespInvpwrGo = 0x0C82,
    /// <summary>0x0C83 RESP_INVPWR_HALT (spec Appendix A).</summary>
    RespInvpwrHalt = 0x0C83,
    /// <summary>0x0C84 RESP_INVPWR_CONST_DUTY_CYCLE (spec Appendix A).</summary>
    RespInvpwrConstDutyCycle = 0x0C84,
    /// <summary>0x0C85 RESP_INVPWR_DUMY_ERROR (spec Appendix A).</summary>
    RespInvpwrDumyError = 0x0C85,
    /// <summary>0x1400 CMD_BOOTLOADER_SECURE (spec Appendix A).</summary>
    CmdBootloaderSecure = 0x1400,
    /// <summary>0x1401 CMD_BOOTLOADER_UNSECURE (spec Appendix A).</summary>
    CmdBootloaderUnsecure = 0x1401,
    /// <summary>0x1500 CMD_ACTIVATOR_ACTIVATE (spec Appendix A).</summary>
    CmdActivatorActivate = 0x1500,
    /// <summary>0x1501 CMD_ACTIVATOR_GET_ADC_SAMPLES (spec Appendix A).</summary>
    CmdActivatorGetAdcSamples = 0x1501,
    /// <summary>0x1502 CMD_ACTIVATOR_SET_VO_RANGE (spec Appendix A).</summary>
    CmdActivatorSetVoRange = 0x1502,
    /// <summary>0x1503 CMD_ACTIVATOR_GET_AVG_SAMPLES (spec Appendix A).</summary>
    CmdActivatorGetAvgSamples = 0x1503,
    /// <summary>0x1504 CMD_ACTIVATOR_TX_TEST (spec Appendix A).</summary>
    CmdActivatorTxTest = 0x1504,
    /// <summary>0x1505 CMD_ACTIVATOR_LCD_TEST (spec Appendix A).</summary>
    CmdActivatorLcdTest = 0x1505,
    /// <summary>0x1506 CMD_ACTIVATOR_BUTTONS_TEST (spec Appendix A).</summary>
    CmdActivatorButtonsTest = 0x1506,
    /// <summary>0x1600 CMD_FANCONTROL_SET_PWM (spec Appendix A).</summary>
    CmdFancontrolSetPwm = 0x1600,
    /// <summary>0x1601 CMD_FANCONTROL_GET_PWM (spec Appendix A).</summary>
    CmdFancontrolGetPwm = 0x1601,
    /// <summary>0x1602 CMD_FANCONTROL_GET_ALL_PWM (spec Appendix A).</summary>
    CmdFancontrolGetAllPwm = 0x1602,
    /// <summary>0x1603 CMD_FANCONTROL_SHUT_ALL_PWM (spec Appendix A).</summary>
    CmdFancontrolShutAllPwm = 0x1603,
    /// <summary>0x1680 CMD_FANCONTROL_RES (spec Appendix A).</summary>
    CmdFancontrolRes = 0x1680,
    /// <summary>0x1700 CMD_DISPLAY_BOARD_LCD_WRITE (spec Appendix A).</summary>
    CmdDisplayBoardLcdWrite = 0x1700,
    /// <summary>0x1701 CMD_DISPLAY_BOARD_LED_SET (spec Appendix A).</summary>
    CmdDisplayBoardLedSet = 0x1701,
}
