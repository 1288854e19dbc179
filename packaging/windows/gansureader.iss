; Inno Setup script for gansureader on Windows (Inno Setup 6).
; Build the onedir bundle first (pyinstaller … packaging\gansureader.spec), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\gansureader.iss
; Output: dist\gansureader-<version>-setup.exe (Start-menu entry, optional desktop
; icon, uninstaller; per-user install unless run as administrator).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "gansureader"
#define AppPublisher "gansureader developers"
#define AppExe "gansureader.exe"

[Setup]
AppId={{6C1D1F52-6E0B-4B9A-9D3E-2A7F4C1B8E90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL=https://github.com/gansureader/gansureader
VersionInfoVersion={#AppVersion}
VersionInfoDescription=gansureader — 中国甘肃网阅读器
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\gansureader.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\gansureader\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
