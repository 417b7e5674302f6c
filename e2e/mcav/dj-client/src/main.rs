//! Streams like MCAV's DJ client, with its own protocol code, to a hub at :9000: authenticates with a DJ id and
//! key, answers the clock sync, sends heartbeats and 20 frames a second of a click-track-like level with beats
//! at `--bpm`, then says goodbye (`going_offline`). What the client knows (authenticated, live, latency, the
//! pattern and preset the hub sent) is printed as one JSON line every half second, for dj-client-check.ts.
//!
//! Usage: mcav-dj-client-check --port 9000 --dj-id ID --dj-key KEY [--host 127.0.0.1] [--dj-name NAME]
//!        [--seconds 20] [--bpm 128]
//! RUST_LOG=debug also prints the client's own log, including each hub message it could not read.

use serde_json::json;
use std::time::Duration;
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;

#[path = "../../../../.artifacts/mcav/dj_client/protocol/mod.rs"]
mod protocol;

use protocol::{AudioFrameMessage, ConnectionState, DjClient, DjClientConfig};

/// MCAV's client asks its crate root whether a host is local (then ws://, else wss://). This check runs on
/// loopback only.
pub(crate) fn is_local_host(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// MCAV's client sends frames at 20 a second by default.
const FRAMES_PER_SECOND: f64 = 20.0;
const REPORT_EVERY_S: f64 = 0.5;

struct Args {
    host: String,
    port: u16,
    dj_id: String,
    dj_key: String,
    dj_name: String,
    seconds: f64,
    bpm: f64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        host: "127.0.0.1".into(),
        port: 0,
        dj_id: String::new(),
        dj_key: String::new(),
        dj_name: "MCAV DJ client".into(),
        seconds: 20.0,
        bpm: 128.0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<f64>().map_err(|_| format!("{flag}: not a number: {value}"));
        match flag.as_str() {
            "--host" => args.host = value.clone(),
            "--port" => args.port = value.parse().map_err(|_| format!("--port: not a port: {value}"))?,
            "--dj-id" => args.dj_id = value.clone(),
            "--dj-key" => args.dj_key = value.clone(),
            "--dj-name" => args.dj_name = value.clone(),
            "--seconds" => args.seconds = number()?,
            "--bpm" => args.bpm = number()?,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if args.port == 0 || args.dj_id.is_empty() || args.bpm <= 0.0 {
        return Err("usage: mcav-dj-client-check --port PORT --dj-id ID --dj-key KEY [--bpm BPM] [--seconds S]".into());
    }
    Ok(args)
}

fn report(event: &str, state: &ConnectionState, preset: Option<String>) {
    let line = json!({
        "event": event,
        "connected": state.connected,
        "authenticated": state.authenticated,
        "is_active": state.is_active,
        "dj_id": state.dj_id,
        "latency_ms": state.latency_ms,
        "route_mode": state.route_mode,
        "current_pattern": state.current_pattern,
        "band_sensitivity": state.band_sensitivity,
        "preset": preset,
    });
    println!("{line}");
}

#[tokio::main]
async fn main() {
    env_logger::init();
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let mut client = DjClient::new(DjClientConfig {
        server_host: args.host.clone(),
        server_port: args.port,
        dj_name: args.dj_name.clone(),
        dj_id: Some(args.dj_id.clone()),
        dj_key: Some(args.dj_key.clone()),
        ..DjClientConfig::default()
    });
    if let Err(error) = client.connect().await {
        println!("{}", json!({ "event": "connect_failed", "error": error.to_string() }));
        std::process::exit(1);
    }
    report("connected", &client.get_state(), None);
    let tx = client.get_tx_clone().expect("a connected client has a sender");
    let beat_s = 60.0 / args.bpm;
    let frame = Duration::from_secs_f64(1.0 / FRAMES_PER_SECOND);
    let start = Instant::now();
    let mut next_beat_s = 0.0;
    let mut last_report_s = 0.0;
    let mut seq: u64 = 0;
    loop {
        let t = start.elapsed().as_secs_f64();
        if t >= args.seconds {
            break;
        }
        let beat = t >= next_beat_s;
        if beat {
            next_beat_s += beat_s * ((t - next_beat_s) / beat_s).floor().max(0.0) + beat_s;
        }
        let phase = (1.0 - (next_beat_s - t) / beat_s).clamp(0.0, 1.0);
        // A click's level: full on the beat, falling off through it.
        let level = (1.0 - phase).powi(3) as f32;
        let bands = [level, 0.7 * level, 0.2 + 0.3 * level, 0.15, 0.1];
        let message = AudioFrameMessage::new(
            seq,
            bands,
            level,
            beat,
            if beat { 1.0 } else { 0.0 },
            args.bpm as f32,
            0.9,
            phase as f32,
            level,
            beat,
        );
        let text = serde_json::to_string(&message).expect("a frame serialises");
        if !DjClient::try_send(&tx, Message::Text(text.into())) && !client.is_connected() {
            report("disconnected", &client.get_state(), None);
            std::process::exit(1);
        }
        if t - last_report_s >= REPORT_EVERY_S {
            last_report_s = t;
            report("state", &client.get_state(), client.take_pending_preset());
        }
        seq += 1;
        tokio::time::sleep_until(start + frame * seq as u32).await;
    }
    let _ = client.disconnect().await;
    // The goodbye goes out on the client's writer task: give it a moment before the process ends.
    tokio::time::sleep(Duration::from_millis(300)).await;
    report("done", &client.get_state(), None);
}
