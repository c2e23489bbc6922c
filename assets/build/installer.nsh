; CallDeck's NSIS additions (electron-builder `nsis.include`): register tel:, sip:, sips: and
; callto: for the installed copy, and list CallDeck under Windows' Default apps, where the person
; chooses it (Windows 10+ does not let an installer make itself the default). SHELL_CONTEXT is
; HKCU for a per-user install and HKLM for a per-machine one.
;
; "--" before the link ends Chromium's switch parsing, so a crafted link cannot smuggle switches.

!define CALLDECK_PROGID "CallDeck.PhoneLink"
!define CALLDECK_CAPABILITIES "Software\CallDeck\Capabilities"

!macro calldeckRegisterScheme SCHEME DESCRIPTION
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}" "" "URL:${DESCRIPTION}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
  WriteRegStr SHELL_CONTEXT "${CALLDECK_CAPABILITIES}\URLAssociations" "${SCHEME}" "${CALLDECK_PROGID}"
!macroend

!macro calldeckUnregisterScheme SCHEME
  ; Only while the scheme still opens this CallDeck: another app may have taken it since.
  ReadRegStr $0 SHELL_CONTEXT "Software\Classes\${SCHEME}\shell\open\command" ""
  StrCmp $0 '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"' 0 +2
    DeleteRegKey SHELL_CONTEXT "Software\Classes\${SCHEME}"
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${CALLDECK_PROGID}" "" "CallDeck phone link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${CALLDECK_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${CALLDECK_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
  WriteRegStr SHELL_CONTEXT "${CALLDECK_CAPABILITIES}" "ApplicationName" "CallDeck"
  WriteRegStr SHELL_CONTEXT "${CALLDECK_CAPABILITIES}" "ApplicationDescription" "Control your cloud phone line"
  !insertmacro calldeckRegisterScheme "tel" "Telephone number"
  !insertmacro calldeckRegisterScheme "sip" "SIP address"
  !insertmacro calldeckRegisterScheme "sips" "Secure SIP address"
  !insertmacro calldeckRegisterScheme "callto" "Call address"
  WriteRegStr SHELL_CONTEXT "Software\RegisteredApplications" "CallDeck" "${CALLDECK_CAPABILITIES}"
!macroend

!macro customUnInstall
  !insertmacro calldeckUnregisterScheme "tel"
  !insertmacro calldeckUnregisterScheme "sip"
  !insertmacro calldeckUnregisterScheme "sips"
  !insertmacro calldeckUnregisterScheme "callto"
  DeleteRegValue SHELL_CONTEXT "Software\RegisteredApplications" "CallDeck"
  DeleteRegKey SHELL_CONTEXT "Software\CallDeck"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${CALLDECK_PROGID}"
!macroend
