/**
 * Audio for the voice methods: the interactive voice server (IVR) of createCode (38) cannot be
 * called from here, so a "recording" is generated: a real, playable WAV file.
 */

/** Telephone quality: 8 kHz, 16-bit PCM, mono. */
const SAMPLE_RATE = 8000;
const BITS_PER_SAMPLE = 16;

/**
 * A WAV file of `seconds` seconds: a 440 Hz tone that fades in and out. RIFF/WAVE header
 * (44 bytes) then little-endian PCM samples.
 */
export function generateWav(seconds: number): Buffer {
	const samples = Math.round(seconds * SAMPLE_RATE);
	const bytesPerSample = BITS_PER_SAMPLE / 8;
	const dataSize = samples * bytesPerSample;
	const buffer = Buffer.alloc(44 + dataSize);
	buffer.write('RIFF', 0, 'ascii');
	buffer.writeUInt32LE(36 + dataSize, 4);
	buffer.write('WAVE', 8, 'ascii');
	buffer.write('fmt ', 12, 'ascii');
	buffer.writeUInt32LE(16, 16); // fmt chunk size
	buffer.writeUInt16LE(1, 20); // PCM
	buffer.writeUInt16LE(1, 22); // mono
	buffer.writeUInt32LE(SAMPLE_RATE, 24);
	buffer.writeUInt32LE(SAMPLE_RATE * bytesPerSample, 28); // byte rate
	buffer.writeUInt16LE(bytesPerSample, 32); // block align
	buffer.writeUInt16LE(BITS_PER_SAMPLE, 34);
	buffer.write('data', 36, 'ascii');
	buffer.writeUInt32LE(dataSize, 40);
	const fade = Math.min(SAMPLE_RATE / 10, samples / 2);
	for (let index = 0; index < samples; index++) {
		const envelope = Math.min(1, index / fade, (samples - 1 - index) / fade);
		const value = Math.round(
			Math.sin((2 * Math.PI * 440 * index) / SAMPLE_RATE) * 0.3 * 32767 * Math.max(0, envelope),
		);
		buffer.writeInt16LE(value, 44 + index * bytesPerSample);
	}
	return buffer;
}

/** Duration in seconds of a PCM WAV file, read from its header; undefined for anything else. */
export function wavDuration(audio: Buffer): number | undefined {
	if (
		audio.length < 44 ||
		audio.toString('ascii', 0, 4) !== 'RIFF' ||
		audio.toString('ascii', 8, 12) !== 'WAVE'
	)
		return undefined;
	let offset = 12;
	let byteRate: number | undefined;
	while (offset + 8 <= audio.length) {
		const id = audio.toString('ascii', offset, offset + 4);
		const size = audio.readUInt32LE(offset + 4);
		if (id === 'fmt ' && offset + 16 <= audio.length) byteRate = audio.readUInt32LE(offset + 16);
		if (id === 'data')
			return byteRate ? Math.min(size, audio.length - offset - 8) / byteRate : undefined;
		offset += 8 + size + (size % 2);
	}
	return undefined;
}
